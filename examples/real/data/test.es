contraseña :
el valor devuelto debe ser omitido por el expedidor pam
¿ desea introducir un nivel o función diferente ?
se necesita un nombre de paquete que instalar
purgado
descargando información del repositorio
generando el listado de paquetes
¿ quiere instalar el paquete « %s » que proporciona la orden « %s » ?
emitido
no hay paquetes que necesiten actualizarse a versiones más recientes .
eliminar paquete
reempaquetado de archivos
mostrar información de depuración para todos los archivos
texto
los paquetes seleccionados quizá ya está instalado .
añadiendo un nuevo grupo ` %s ' ( gid %d ) . . .
no se pudo analizar « %s » , línea %d .
eliminando al grupo ` %s ' . . .
el grupo ` %s ' ya existe pero con un uid distinto . saliendo .
aviso : el directorio personal ` %s ' no pertenece al usuario que está creando ahora .
` %s ' devolvió el código de error %d . saliendo .
una lista separada por comas de los id de los componentes a aceptar
desnudez artística breve
la zona de almacenamiento temporal « %s » no es de escritura .
fuentes de entrada
regionalización
navegadores web
herramientas de programación
se encontró la propiedad « version » en el elemento requerido / recomendado de un tipo que no debería tener ni requerir una versión .
se ha encontrado el componente de software compatible " %s " .
instalar software que coincida con el « component - id » ( identificador de componente ) .
` full ` - se imprimirá un informe detallado
sin posibilidad de gastar
no comparte la ubicación física con otros usuarios
solo se acepta el componente : %s
sobrescribe el prefijo por defecto ( ` / usr ` por defecto )
desnudez prolongada
masacre realista
ciencias
la propiedad ` width ` debe ser un número entero positivo .
el identificador del componente comienza con un signo de puntuación . esto no está permitido .
el archivo metainfo se almacena en una ruta antigua . por favor , colóquelo en ` / usr / share / metainfo / ` .
el nombre del archivo metainfo no coincide con el id del componente .
este componente de ` localización ` no define ningún idioma para el que sea la localización .
a este componente ` service ` le falta una etiqueta ` launchable ` de tipo ` service ` .
el formato de la url no es válido .
no se ha podido iniciar el gestor de paquetes : %s
falló la validación : %s
debe especificar un término de búsqueda .
[ no es la versión candidata ]
%lu para eliminar y %lu no actualizados .
%s ya estaba fijado como instalado automáticamente .
no se pudo determinar el nombre del socket
error leyendo del servidor , el lado remoto cerró la conexión .
se eliminaron paquetes esenciales y se utilizó - y sin - - allow - remove - essential .
fallo al ejecutar dpkg . ¿ está como superusuario ?
no se pudo montar « %s » como « %s »
error interno , ¡ se llamó a « installpackages » con paquetes rotos !
marca los paquetes proporcionados como instalados automáticamente
pulse [ enter ] para continuar .
el paquete mostrado a continuación ha desaparecido de su sistema
relaciones versión / archivo totales :
en el caché local mediante la orden « update » , como « apt - get » . por tanto ,
tal vez quiera ejecutar « apt - - fix - broken install » para corregirlo .
pero %s va a ser instalado
se usa para notificar que la descripción de la columna de la tabla ha cambiado
se usa para notificar que la cabecera de columna de la tabla ha cambiado
barra de edición
elemento de lista
marquesina
débil
falló al crear el grupo de la entrada : %s
el nombre del equipo se ha cambiado a %s correctamente
número de argumentos incorrecto ; se esperaba exactamente uno .
número de puerto no válido
la clave del recurso de registro es un patrón
versión del servidor : %s ; nombre del equipo : %s
demasiados argumentos
falló avahi_service_browser_new ( ) : %s
n / d
%s tiene exportstr nulo
%s : %s : valor inválido para el descriptor de fichero de rastreo
%s : sustitución errónea
%s : no se encontró el fichero
. fichero [ argumentos ]
o rota la pila , haciendo que la nueva parte superior de la pila
desde la derecha de la lista mostrada por ` dirs ' ,
ser cualquier opción aceptada por ` declare ' .
- e nombree selecciona el editor a usar . por defecto es fcedit ,
la lista con la orden ` popd ' .
su posición en la pila como prefijo
termina bucles for , while o until .
opciones gnu largas :
trabajo actual
devuelve verdadero a menos que un nombre no sea un alias existente .
reanuda bucles for , while o until
devuelve n , o falla si el shell no está ejecutando una función o un script .
devuelve 0 a menos que el shell no esté ejecutando una función de shell
tiene correo en $ _
subíndice de matriz incorrecto
no se puede asignar un nuevo descriptor de fichero para la entrada de bash desde el df %d
no puede ejecutar el depurador ; modo depurado desactivado
compopt [ - o | + o opción ] [ - dei ] [ nombre . . . ]
cprintf : ` %c ' : carácter de formato inválido
exec [ - cl ] [ - a nombre ] [ orden [ argumento . . . ] ] [ redirección . . . ]
trabajo %d iniciado sin control de trabajo
idtrabajo [ & ]
pop_var_context : la cabeza de shell_variables no es un contexto de función
realloc : se detectó un desbordamiento por debajo ; magic8 corrupto
error de redirección : no se puede duplicar el df
la tabla funcional ( se interpretaron los contenidos de la sección . pdata )
índice enlace : %u , procedimiento : %.*s
nombre módulo : %.*s
[ flotante - d ]
[ flotante pasados en registros enteros ]
[ no pic ]
vma : dirección inicio dirección fin información desenvuelta
%B ( %A ) : error interno : error fuera de rango
%B ( %A + %#Lx ) : sólo se permiten las instrucciones add o sub en las reubicaciones de grupo alu
emplee opción gcc - mrestrict - it para generar solo una instrucción por bloque it .
%B ( %s ) : aviso : no se activó la interoperabilidad .
%B ( %s + %#Lx ) : reubicación %s irresoluble frente al símbolo ` %s '
%B , sección %A : la reubicación %s no está permitida para « %s » , un símbolo global con visibilidad predeterminada , ¿ quizá una confusión en la declaración ?
%B , sección %A : reubicación %s sin got creado
%B : %#Lx : aviso : r_v850_longcall apunta al insn %#x no reconocido
%B : %A tamaño seccional entrante inválido
%B : « %s » accedido ambos como un símbolo común e hilo local
%B : la abi es incompatible con esa de la emulación seleccionada :
%B : reubicación call16 en %Lx no contra símbolo global
%B : fallaba al añadir el símbolo renombrado %s
%B : tipo reubicante inválido exportado : %d
%B : ningún núcleo para reservar un símbolo de %d bytes de longitud
%B : tipo seccional desconocido en el fichero a . out . adobe : %x
%B : símbolo xmctco « %s » es clase %d scnlen %Ld
%B : desplazamiento ` %A ' de %Ld desde ` %A ' más allá que el rango de addiupc
%B : « %s » en la reubicación del cargador pero no es un símbolo del cargador
%B : no se puede enlazar el fichero objeto que no es fdpic en un ejecutable fdpic
%B : compilado para un sistema little endian y el objetivo es big endian
%B : directiva local válida sólo con un registro o un valor absoluto
%B : error : no puede establecer _itb_base_
%B : error : error 843419 de cabo está fuera de rango ( fichero entrante demasiado grande )
%B : se descarta la sección duplicada ` %A '
%B : número reubicante m32r no válido : %d
%B : número reubicante metag no válido : %d
%B : número reubicante msp430 no válido : %d
%B : falta la sección tls para la reubicación %s contra « %s » en %#Lx en la sección ` %A ' .
%B : ningún grupo informado para sección « %A »
%B : reubicación r_386_gotoff contra %s protegida « %s » no puede ser utilizada cuando crea un objeto compartido
%B : número de entrada de grupo seccional %u está corrupto
%B : cadena que no termina en null en el fichero objeto ilf .
%B : tomando la dirección de función protegida « %s » no puede ser hecha cuando crea una biblioteca compartida
%B : no se puede encontrar la chapa de vfp11 « %s »
%B : tipo de reubicación %u inesperado en la sección . opd
%B : tipo de reubicación no admitida : alpha_r_gprellow
%B : aviso : %s apunta a reloc no reconocido en %#Lx
%B : aviso : índice simbólico 0x %lx ilegal en las entradas del número de línea %d
%B : aviso : reubicación sda_base fallada .
%B : aviso : acceso no alineado a la entrada got .
%F %P : fallado al crear sección got plt . eh_frame
%H : no aplicado r_frv_gottlsoffhi a una instrucción sethi
%H : reubicación %s irresoluble frente a símbolo ` %s '
%P : %B : tipo de reubicación inesperado
%P : el desplazamiento %s es demasiado grande para la codificación sdata4 . eh_frame
%P : se encontró código máquina elf alternativo ( %d ) en %B , se espera %d
se definió %s en la entrada toc eliminada
unión . rsrc fallada : múltiples manifestaciones no - predeterminadas
error de enlazado bfd : no se admite la ramificación ( pc rel16 ) a la sección ( %s )
ctl_dfloc ( define ubicación )
error al leer %s : %s
fichero demasiado grande
coma flotante de hard ( precisión sencilla )
flotante hard compacto ( 32 - bit cpu , 64 - bit fpu )
debe ser un símbolo funcional global o débil .
no hay suficiente memoria para ordenar las reubicaciones
el fichero de salida requiere la biblioteca compartida « %s »
sto_imm ( almacena inmediato ) %u bytes
pila analizada descartará la llamada de %s a %s
error en llamada al sistema
aviso : símbolo « %s » es ambas sección y no sección
[ %u ] : inferior : %u , superior : %u
[ abi = 16 - bit ent ,
epilog : ops : %u , cuenta : %u
error : %B contiene una reubicación ( %#Lx ) para la sección %A que refiere a un símbolo global no existente
error : %B ya está en el formato be8 final
error : %B utiliza el modelo de datos %s mientras que %B utiliza el modelo de datos %s
error : %B : < corrompe tamaño isa x86 utilizado : 0x %x >
error interno : reubicación peligrosa
uso inválido de %s en contextos
reubicaciones que no son dinámicas se refieren al símbolo dinámico %s
sin def
marcas privadas = 0x %lx
recfin
orden %d reservada
rtnini
arquitectura v850
arquitectura v850e1
arquitectura v850e2
aviso : %B : corrupto no copia en tamaño protegido : 0x %x
aviso : escribiendo sección ` %A ' en desplazamiento de fichero enorme ( pe negativo )
longitud de la dirección
mapeo de sección a segmento :
no hay encabezados de programa en este fichero .
no hay reubicaciones en este fichero .
- - use - nul - prefixed - import - tables usa idata $ 4 e idata $ 5 con prefijo cero .
- - dry - run muestra lo que se necesita ejecutar
- - output - exp < nomsal > genera un fichero de exportación .
- - target < máquina > i386 - cygwin32 ó i386 - mingw32
- k elimina @ < n > de los nombres exportados
- x - - no - idata4 no genera la sección idata $ 4 .
- z - - output - def < fichdef > nombre del fichero . def para crear .
- - target = nombfd - especifica el formato objeto objetivo como nombfd
desensambla el contenido de la sección < número | nombre >
clase : %s
rango línea : %d
[ o ] - conserva las fechas originales
x [ o ] - extrae fichero ( s ) del archivo
( desplazamiento fichero : 0x %lx )
< corrupto : %14ld >
dw_macinfo_define - numlinea : %d macro : %s
nombre ( lon : %u ) :
- d - - debug muestra en salida estándar la línea de comando del enlazador
- f - - target < objetivo > especifica el objetivo de salida por ` endianez ' .
- o - - hresult_use usa la definición hresult en lugar de la definición del código de estado
[ sin dw_at_frame_base ]
programa intérprete
%s : no se puede abrir el fichero de salida %s
%s : no se puede establecer la hora : %s
%s : falló al buscar de nuevo el inicio de los ficheros objeto en el archivo
%s : no se reconoce la información de depuración
%s : arquitecturas admitidas :
%s : aviso : tamaño desconocido para el campo ` %s ' en la estructura
( sin definir )
, semáforo :
la sección . debug_macro no está terminada con cero
4 bytes
no se conocen las reubicaciones en esta arquitectura de máquina
encabezado elf :
exec ( fichero ejecutable )
se encontró un comienzo de función sin un alcance de alto nivel .
id de subdirectorio
desbordamiento numérico ieee : 0x
nt_ppc_vsx ( registros vsx de ppc )
nt_psinfo ( estructura psinfo )
no hay un nombre de fichero a continuación de la opción - fo .
solo se admiten actualmente aranges de dwarf 2 y 3 .
solo se admiten actualmente los nombres públicos dwarf 2 y 3
específico del sistema operativo : %lx
datos de la tabla de enlazado procedural
desplazamiento de pila : %x
hay un traslape [ 0x %lx - 0x %lx ] en la sección %s .
esta instancia de readelf ha sido construida sin soporte para un
valor at desconocido : %lx
modo de empleo : %s < opcion ( es ) > < fichero ( s ) elf >
modo de empleo : %s [ opcion ( es ) ] [ fichero - entrada ] [ fichero - salida ]
aviso : ' %s ' no es un fichero ordinario
aviso : no se puede localizar ' %s ' . razón : %s
aviso : se descarta el valor previo - - reverse - bytes de %d
registro erróneo :
falló bfd_open al abrir el fichero de cabos : %s : %s
falló bfd_open al reabrir el fichero de cabos : %s : %s
no se puede crear la sección ` %s '
creando %s
el fichero de cursor ` %s ' no contiene datos de cursor
debug_record_parameter : no hay una función actual
datos de control del diálogo
grupo de cursores
no hay una sección . typchk en el fichero
no hay información de tipo para la función del método c + +
despl : %08x
encabezado de fichero elf probablemente corrupto - tiene un desplazamiento de encabezado de sección que no es cero , pero no tiene encabezados de sección
tipo de grabación inesperado
no se reconoce la opción - e
aviso : los formatos de entrada y salida no son compatibles
! expresión la expresión es falsa
- b fichero el fichero existe y es un fichero especial de bloques
arg1 > = arg2 arg1 es mayor o igual que arg2
un programa ' finger ' sencillo ; muestra información del usuario .
%s - a algo / str1 algo / str2 - > " str1 " seguido por " str2 "
%a el nombre local abreviado de la semana ( p . ej . , dom )
propietario simbólico . propietario y grupo pueden ser numéricos o simbólicos .
en el mismo orden en el que se lee , y se escribe exactamente una vez .
- - reference = fich_r utiliza el grupo de fich_r en lugar de especificar
- s , - - suffix = sufijo reemplaza el sufijo de respaldo habitual
esta opción va implícita si template no termina en x
- - to - unit = n tamaño de la unidad de salida ( en lugar de 1 )
%S tamaño de bloque fundamental ( para contar bloques )
- - reflink [ = cuándo ] controla copias clonadas / cow . ver más abajo .
el contexto de seguridad selinux o smack a ctx
- u , - - user muestra sólo el id efectivo del usuario
- f , - - prefix = prefijo usa prefijo en vez de ' xx '
- v , - - verbose muestra un mensaje por cada fichero procesado
- h , - - human - numeric - sort compara números en forma legible ( p . ej . , 2k 1g )
- w , - - check - chars = n sólo compara los primeros n caracteres de la línea
* [ - ] iutf8 supone que los caracteres de entrada son utf - 8
%lu usuario
%s estaba especificado pero %s no
%s : fichero demasiado grande
%s : no se permiten enlaces fuertes para directorios
no se tiene en cuenta - - header con la entrada de la línea de órdenes
modificación : % y
continuado
en las formas tercera y cuarta , crea enlaces a cada objetivo en directorio .
opciones de ordenación :
muestra nombre eliminando cualquier componente de directorio que lo preceda .
muestra la fecha / hora actual , el lapso de tiempo que el sistema lleva arriba ,
la opción - ancho es una forma abreviada de - - width = dígitos .
comunicar errores en %s a : %s
envía señales a los procesos , o lista señales .
tamaño
actualiza la fecha de acceso y modificación de cada fichero a la hora actual .
o bien : %s opción
modo de empleo : %s [ opción ] . . .
modo de empleo : %s [ opción ] . . . grupo fichero . . .
o bien : %s [ opción ] . . . primero incremento último
modo de empleo : %s [ opción ] . . . modo [ , modo ] . . . fichero . . .
o bien : [ expresión ]
señal definida por el usuario 1
escribe una permutación aleatoria de las líneas de entrada a la salida estándar .
no se puede copiar el enlace simbólico cíclico %s
no se puede crear el directorio %s
no se puede usar - - relative sin - - symbolic
no se puede obtener el uid efectivo
no se puede abrir el directorio %s
no se puede ejecutar %s
no se puede saltar a un punto que está más allá de la entrada combinada
no se puede especificar a la vez impresión en paralelo y transversalmente .
cambiando el grupo de %s
fichero especial de caracteres
cerrando la tubería de salida
se ha creado el directorio %s
error en el comparador de expresiones regulares
fallo al acceder a %s
fallo al obtener el contexto actual
no se puede abrir %s
fallo al establecer el id del grupo
fallo al desactivar o_direct : %s
el formato %s no tiene ninguna directiva %%
argumento %s %s inválido ' %s '
argumento %s inválido para %s
contexto inválido : %s
formato de numeración de líneas inválido : %s
plantilla inválida , %s ; con - - tmpdir , no puede ser absoluta
tipo de cadena inválido %s
falta el nombre de la clase de caracteres ' [ : : ] '
el modo solamente debe especificar los bits de permisos del fichero
el separador no puede ser nulo
demasiados especificadores de conversión %% en el sufijo
no se crea el enlace duro %s al directorio %s
fichero1 puede ser un directorio
- - line - format = lfmt formatea todas las líneas de entrada con lfmt
%s : diff falló :
%s : la opción ' %s %s ' requiere un argumento
- t , - - initial - tab hace que los tabuladores se alineen anteponiendo uno
v : incluye líneas comunes verbosamente .
valor - - bytes inválido ' %s '
valor - - ignore - initial inválido ' %s '
%s no menciona ningún paquete binario
( use la opción « - d » para anularlo . )
« - b » acepta como máximo un directorio y un argumento de fuentes « orig » ( con la versión 1 . 0 de formato de paquete fuente )
la opción « - s %s » invalida la opción « - s %s » anterior
- l , - - list muestra las variables ( por omisión ) .
la línea de cabecera tiene un formato inválido
construyendo « %s » usando « %s » , que está presente en el sistema
no se puede analizar la dependencia %s
no se puede desempaquetar el formato de paquete git porque git no está presente en « path »
proceso secundario o hijo
el dispositivo o socket de unix no está permitido
el modo de ejecución « %04o » de « %s » no se representará en el diff
se han encontrado datos de cambios donde se esperaba %s
ignorando una entrada duplicada de sustitución ( « override » ) de fuentes para %s en la línea %d
ignorando la entrada de sustitución ( « override » ) para %s , prioridad inválida %s
la línea %d en %s menciona una opción desconocida %s
se requiere al menos un nombre de fichero
se necesita exactamente un nombre de fichero , sección y prioridad
el directorio « %s » no existe , pruebe la opción « - - create - dir » ( - c )
el paquete %s tiene una sección %s en el fichero de control pero %s en la lista de ficheros
el paquete %s está presente en la lista de ficheros pero no en la información de control
no se ha encontrado la orden « %s » para firmar
han aparecido algunos símbolos nuevos en el fichero « symbols » : « %s »
la versión actual ( %s ) es más antigua que la anterior ( %s )
variable de sustitución %% desconocida en gancho : %% %s
fichero del proveedor
no se puede combinar « count » u « offset » con cualquier otra opción de rango
la versión del paquete es la misma que la de la última instalación .
z : ejecutar un intérprete de órdenes para examinar la situación
%.250s va a ser desconfigurado .
opción de depuración %s , - - debug = < octal > o - d < octal > :
%s predepende de %s
%s : error al asociar la entrada a los datos bzip2
%s : fallo al borrar ` %.250s ' ( antes de sobreescribir ) : %s
- - %s necesita un < archivo > como parámetro
< deb > es el nombre de fichero de un archivo en formato debian .
- - auto < nombre > cambia en enlace maestro de < nombre > a modo automático .
- - display < nombre > muestra información del grupo < nombre > .
purgando ficheros de configuración de %s ( %s ) . . .
los paquetes mostrados a continuación están en un estado de desorden debido
los paquetes mostrados a continuación no tienen una arquitectura :
también configurando ` %s ' ( requerido por ` %s ' )
la alternativa %s no puede ser el maestro : es un esclavo de %s
la alternativa %s no puede una esclava de %s : es ya una esclava de %s
el nombre del miembro ar ' %s ' es demasiado largo
la arquitectura ' %s ' está reservada y no puede añadirse
roto debido a fallo en postinst
no se copiar ' %s ' al archivo ' %s ' : %s
no se pueden desviar directorios
no se puede extraer el fichero de control ' %s ' de ' %s ' : %s
no se puede borrar de una arquitectura no foránea ` %s '
no se puede satisfacer la predependencia para %.250s ( necesaria por %.250s )
no se puedo omiitar la cabecera del paquete para ' %s ' : %s
no se puede efectuar « stat » en la ruta ' %s '
el conffile ` %s ' no es un fichero normal
falta un salto de línea al final del fichero de control ` %s ' del paquete ` %s '
fin de fichero antes del valor del campo ' %.*s ' ( falta nueva línea final )
fin de fichero durante el valor del campo ' %.*s ' ( falta nueva línea final )
error al procesar el paquete %s ( - - %s ) :
error al leer %s del fichero %.255s
forzando la reinstalación de la alternativa %s porque el grupo de enlaces %s está roto
no se tendrá en cuenta %d aviso sobre el / los fichero / s de control
nombre de paquete esperado ilegal ' %.250s ' : %.250s
entero inválido para - %c : ` %.250s '
el script ` %.50s ' no es un fichero normal o un enlace simbólico
se alcanzó el límite de uso de memoria
nuevo paquete %s script %s
nueva línea no permitida en el nombre de objeto de archivo ' %.255s '
no instalado
el paquete %.250s ya está instalado y configurado
el paquete %s no se puede configurar porque %s no está listo ( estado actual ' %s ' )
extracción del archivo del sistema de ficheros del paquete
fichero esclavo
disparado
probando el script del nuevo paquete en su lugar . . .
no se puede cerrar el fichero ` %s '
no se puede efectuar ` flush ' %.250s tras el relleno
no se puede instalar el ( supuestamente ) nuevo fichero de información ` %.250s '
no se puede analizar la marca de tiempo ` %.255s '
no se puede leer el directorio de depósito ` %.250s '
no se puede eliminar ' %s '
no se puede hacer « sync » en el fichero ` %.255s '
no se puede escribir el fichero ` %s '
tabla de sitio de llamada :
< datos inválidos >
codificación lpstart : %#x
codificación ttype : %#x
%s %s diff : encabezamiento elf
%s %s differ : brecha
' n ' sólo es significativa con las opciones ` x ' y ` d ' .
. debug_ranges section faltante
se requiere nombre de archivo
opciones de control :
crear archivos de salida múltiple bajo directorio
datos dwarf no se ajustan para polarización de pre - enlace ; considere prelink - u
no remplazar los archivos existentes por los archivos extractados .
archivo elf abierto
fichero . . .
error de e / s
selección de entrada :
lo mismo que - - format = posix
utilizar radix para imprimir valores de símbolo
usar módulo en lugar de nombres de archivo
no pueden crear encabezamientos de programa : %s
no se puede obtener sección de datos de línea : %s
no es posible manipular tipo de descripción dwarf
no se pueden cargar símbolos de kernel
no se puede obtener tabla de cadenas de encabezamiento de sección : %s
no sepudo stat archivo de entrada
información de depuración muy grande
índice de dirección de rango inválido
fichero de archivo inválido
tamaño inválido del operando destino
no se encontraron módulos coincidentes
no hay reubicaciones de texto reportado en ' %s '
sección [ %2d ] ' %s ' : no puede obtener reubicación %zu : %s
sección [ %2d ] ' %s ' : tabla de índice extendida demasiado pequeña para tabla de símbolos
sección [ %2d ] ' %s ' : referencia de cadena de dispersión %zu fuera de límites
sección [ %2d ] ' %s ' : índice de sección de destino inválido
sección [ %2d ] ' %s ' : compensación %zu : sin fin uleb128 en etiqueta de sub - sección de atributo
sección [ %2zu ] ' %s ' no debe tener permiso de escritura
tipo de fichero objeto desconocido %d
%s : acabó con status 255 ; abortando
especificación del delimitador de entrada %s inválido : el delimitador debe ser o bien un único carácter o una secuencia de escape que comience por \ .
el argumento para la opción - user no debe ser vacío
la función de biblioteca atexit ( ) falló
la ruta relativa %s está incluída en la variable de entorno path , lo que es inseguro en combinación con la acción %s de find . por favor elimine esa entrada del $ path
no se puede borrar %s
se esperaba una expresión después de ' %s '
oh , oh - - ¡ tipo de expresión inválido !
predicado extra ' %s ' inesperado
fich saliente : %s
extensión es una combinación de :
- use_r1 ensambla código para que no avise cuando se usa el registro temporal r1
- - 32 / - - 64 / - - x32 genera código 32bit / 64bit / x32
revisar directiva . size de elf ( - - size - check = error por defecto )
- el ensambla para un sistema little endian
- eb , - big produce código y datos big endian
- el genera código para el modo little endian ( por defecto )
- m [ no - ] %-17s activa / desactiva %s
- mwarn - signed - overflow avisa si los valores inmediatos con signo desbordan
geta , una ramificación , pushj ó jump esté dentro
opciones de ensamblador específicas de score :
opciones de v850 :
! %s no utiliza un número de secuencia
no se admite $ dpr_byte en este contexto
- g quizá no está emplado con llamadas abi
- call_nonpic genera código que no es pic interoperable con dsos
- non_shared no genera código independiente de posición
- mfar - mode | - mf utiliza direccionamiento extendido
- mgp32 usa gprs de 32 - bit , sin importar el isa escogido
- mfp32 usa fprs de 32 - bit , sin importar el isa escogido
- mmicromips genera instrucciones micromips
- k pic activa ef_ppc_relocatable_lib en las casillas elf
- mno - virt no genera instrucciones virtualization
. %s externo de %s
directiva . begin sin una directiva . end coincidente
directiva . bend sin una directiva . ent precedente
. cfi_endproc sin un . cfi_startproc correspondiente
se descarta . end [ no - ] density
ausente la directiva . end o hay un símbolo desconocido
directiva . end sin una directiva . ent precedente .
. end simbólico no coincide con el símbolo . ent .
se utiliza el pseudo - operador . endef antes de . def ; se descarta
. ent o . aent no interno sección textual
. ln como pseudo - operador dentro de . def / . endef : se descarta .
pseudo - operador . loc dentro de . def / . endef : se descarta .
. module no está permitido tras generar código
directiva . prolog sin una directiva . ent precedente
. tag requiere una estructura tag
se vio el pseudo - operador . uses cuando no se estaba relajando
esperado registro simd de 16 - bit escalar o coma flotante a precisión media
extensión de 16 - bit
esperado registro simd de 64 - bit escalar o coma flotante a precisión doble
: instrucción requiere frs2 y frsd deben estar el mismo registro
: unknown de reubicación de tamaño restringido
una instrucción omitida con longitud inmediata detectada al final de la etiqueta zol @ %s
se requiere un registro estatal o un nombre de bit estatal
opciones alpha :
el ensamblador aún no admite pic
se esperaban al menos dos argumentos pr
longitud bss ( %d ) < 0 se descarta
directiva . mask equivocada
equivocación de llamada a md_atof ( )
valor de operando equivocado : %s
código operacional defectuoso : « %s » « %s »
cfi no admitido en este objetivo
no se puede dispersar %s : %s
no se puede establecer el valor gp
opciones d10v :
la directiva . enddual sólo es disponible con la opción - mintel - syntax
signo igual ( = ) duplicado en la instrucción
el primer operando de . save . gf debe ser una constante de 4 - bits que no sea negativa
ac de coma flotante no es legal como operando entero
registro ilegal « %s » en la lista de registros
no se permite un operando inmediato para operando %d .
número incorrecto de operandos
número incorrecto de operandos dados
no se admiten infinitos en este objetivo
error lógico interno . línea %d , fichero « %s »
carácter inválido %s en operando %s
registro destino inválido .
modo indizado indirecto inválido .
sintaxis no válida en el modo de direccionamiento relativo a memoria
la instrucción ldp requiere un operando de 24 - bit
lr y pc no deberían estar ambos dentro de registros listados
ninguna aún
maverick mvf como registro esperado
instrucciones 16 - bit miscelánea
ausente . label_state %ld
ausente el nombre de función para . proc ( cadena de etiquetas corrupta )
ausente el calificador de parámetro para « %s » en la macro « %s »
¡ sólo un pseudo - operador . version por fichero !
no reconocido el código operacional « %s » .
operando de . save . f debe ser una constante positiva de 20 - bits
l incluye ensamblador
m incluye expansiones de macros
pc utilizado como argumento a rpt
- little genera código little endian
- big genera código big endian
el modo de post - incremento no es válido para 68hc11 .
redefiniendo el número de entrada para el proceso del sistema %s
se utilizó la palabra reservada « %s » como un parámetro en la macro « %s »
| dsp igual que ' - dsp '
ps no admitido dentro de listado de registro
el segundo operando de . save . b debe ser un registro general
no se admite el pseudo - operador . define
el id de captura debe ser una constante .
esta arquitectura no admite mmu
dos instrucciones en el mismo haz ambos escriben al registro %s , lo no está permitido .
argumento indefinido . export / . import ( descartado ) : %s
desconoce código operacional ` %.*s ' .
operando de reubicación desconocido : @ %s
reubicación high / shigh sin coincidencia
no reconoció directiva . option : %s
cadena sin terminar tras una expresión absoluta
se usaron más registros rotantes que los 96 disponibles
- t file se descarta
- t se descarta
violación de restricción de empaquetado vliw
« %s » no se admite en « %s »
« %s » sólo se admite en modo de 64 - bit
se utilizó ` gp = 64 ' con un abi de 32 - bit
se debe establecer ` noreorder ' antes de ` nomacro '
el desplazamiento direccional se debe alinear con word
alineación negativa , 0 asimido
rellenando alineamiento ( %lu byte ) no un múltiplo de %ld
alineamiento es muy grande : %u asumido
alineamiento demasiado grande ; se asume %ld
tamaño de operando de memoria ambigua para ` %s `
sólo se permiten hasta %d operandos de desubicación
trata rellenar sección « %s » con valor distinto de cero
se especificó una máscara de bit equivocada tras apsr
operando %u equivocado de ' %.*s '
registro base se escribió hacia atrás , y sobrescribe el segundo registro transferencial
relajación de ramificación fallada
relajación de ramificación no está admitida en « %s »
se llama a md_convert_frag
solamente se pueden almacenar dos registros consecutivos
no se pueden mezclar argumentos posicionales y palabras clave
no se puede abrir « %s » para escritura
no se puede leer de %s : %s
no se puede usar post - indizado con el direccionamiento relativo al pc
el carácter a continuación del nombre no es ' # '
ramificación condicional fuera de límite
se esperaba un registro de control , pero se vio ' %.6s '
ubicación de muls / mulu peligrosa ; déles una alineamiento superior
elemento de datos con una alineamiento más grande que la ubicación
la directiva %s no se puede negar
la desubicación desborda el campo de 8 - bit
desubicación demasiado grande para esta arquitectura ; necesita 68020 o superior
soltando registro %d dentro de sección %s no coincide utilizando registro %d
final de fichero tras una comilla de un carácter ; se insertó \ 0
endw sin while
requerido registro par
se esperaba 0 ó 1
se esperaba < desplazamiento > , < códigoop >
se esperaba un número simple
se esperaba )
instrucción extendida en ranura de retardo
extensión no se aplica a la arquitectura base
anchura de campo %lu es muy grande para caber en %d byte : se truncó a %d bits
primero
el primer operando es demasiado grande para entero con signo de 16 - bit
el primer registro debe ser r4
tamaño del marco especificado dos veces
la unidad funcional ya está enmascarada
teniendo el registro base en la lista de registros al usar retroescritura se vuelve impredecible
el inmediato 0 no se puede usar aquí
valor inmediato %llu fuera de límite desde %u hasta %lu
valor inmediato fuera de límite , se esperaba el límite [ 0 , 16 ]
argumentos inapropiados para el código operacional « %s »
número de operandos dados incorrecto en la primera instrucción
%s indirecto sin ` * '
las insns no se pueden combinar con las que no son nopy
la instrucción « %s » sólo es para el m32r2
la instrucción « %s » sólo es para el m32rx
la instrucción no toma un tipo de bloque
registro entero esperado dentro del registro operando extendido / desplazado
error interno : tipo de argumento equivocado %c
¿ error interno ? incapaz de generar la reubicación « %s » ( %d , %d )
interno : código operacional risc - v equivocado ( tipo desconocido de operando ` %c ' ) : %s %s
interno : código operacional risc - v equivocado ( tipo de operando ` c %c ' desconocido ) : %s %s
el vector de interrupción para la instrucción trap está fuera de límite
opción - mevexwig = no válida : « %s »
opción - mmnemonic = no válida : « %s »
opción - msyntax = no válida : « %s »
invalida registro acumulador
constante no válida
invalida unidad destino
valor inmediato inválido
tamaño de entidad de mezcla inválido
registro dsp movx inválido
expresión de desplazamiento no válida
operando inválido para la directiva . code ( %d ) ( se esperaba 16 o 32 )
operandos inválidos ( secciones %s y %s ) para « %s » al establecer « %s »
sufijo inválido
basura al final de la línea : « %s »
se seleccionaron características tanto de m68k como de cf
instrucción macro expandida en un tamaño de instrucción equivocado dentro de una ranura de retraso de ramificación de 32 - bit
ausenten las casillas cps
directivas . ent anidadas
no se dio un sufijo mnemónico de instrucción ; no se puede determinar el tamaño inmediato
no hay tal arquitectura : « %s »
expresión no constante en " . elseif " declarado
desplazamiento debe ser cero en codificación arm
operando no es una constante absoluta
no coincide el número de operandos
operando fuera de límite : 0x %lx
la opción « %s » podría no estar negada
desbordamiento en la distribución ( . lita ) literal
se descartan los paréntesis
relativo a pc
final prematuro de prefijo coma flotante
previo . ent no está cerrado por un . end
la sintaxis de registro es . register %% g [ 2367 ] , { # scratch | nombresimbolo | # ignore }
rel demasiado lejos de bfd_reloc_8
validación de reubicación en código thumb1 único
operando derecho es un número grande ; se asume el entero 0
se redondea hacia abajo el primer operando de coma flotante a entero sin signo
el índice escalar debe ser constante
factor de escala inválido en esta arquitectura ; necesita cpu32 o 68020 o superior
se establecen atributos seccional incorrectos para %s
no se permite desplazar por registro en modo pulgar
desplazamiento fuera de límite
registro origen es el mismo que la base de retroescritura
no se admite el registro spill_mask .
convert_frag de spu
el símbolo « %s » ya está definido como « %s » / %s %ld
error sintáctico : se esperaba ` ] ' , se obtuvo ` %c '
la opción especifica ninguna opción
esta instrucción no escribirá hacia atrás el registro base
instrucción condicional pulgar debería estar en el bloque it
incapaz de generar código operacional de desenredo para el registro de puntero a marco %d
tipo reubicado de 18 - bit inesperado
expresión relativa pc inesperada
argumento desconocido - mpid = ' %s '
desconoce mcu : %s
desconoce argumento para . usepv
se pasó un tipo de ejecución desconocido a write_2_short ( )
desconoce abi de coma flotante « %s » desconocida
desconoce código operacional : %s
emplea - mcpu = iwmmxt
emplea - mfpu = softfpa ó - mfpu = softvfp
opciones ensamblador wasm32 :
escribir o modificar # es impredecible
no se ha podido abrir el archivo temporal
no se han podido escribir los datos tiff
no hay memoria suficiente para cargar el archivo png
cabecera del icono no válida ( %s )
clave « %s » no válida : las claves para las porciones de texto png deben ser caracteres ascii .
jpeg x - dpi debe ser un valor entre 1 y 65535 ; el valor « %s » no está permitido .
el cargador pnm esperaba encontrar un entero , pero no lo encontró
el tamaño de qtif atom es demasiado grande ( %d byte )
esta compilación de gdk - pixbuf no soporta el guardar imágenes con el formato : %s
profundidad de color inesperada para las entradas del mapa de color
[ dominiotexto ] msgid obtiene el mensaje traducido correspondiente
puede especificar otro lugar .
sustituye los valores de las variables de entorno .
faltan argumentos
- - copyright - holder = cadena pone al dueño del copyright en la salida
- - statistics muestra las estadísticas sobre las traducciones
- - style = ficheroestilo especifica fichero de reglas de estilo css para - - color
- - use - fuzzy utiliza entradas difusas para la salida
- - newline añade una nueva línea al final de la entrada y
- l - - language = nombre reconoce el lenguaje xml especificado
- d directorio directorio base de los ficheros . po
- kword , - - keyword = palabra busca palabra a modo de palabra clave adicional
- o , - - output = fichero escribe la salida al fichero especificado
- u , - - unique abreviatura de - - less - than = 2 , solicita
error de e / s en el subproceso %s
%s : %d : hay una secuencia multibyte incompleta al final del fichero .
%s : %d : no se puede encontrar el terminador de cadena " %s " en ningún lugar antes del fin del fichero
%s : %d : expresión de cadena inválida
' %s ' no es un nombre válido : ' %c '
la salida de " msgexec 0 " se puede utilizar como entrada para " xargs - 0 " .
no se encontró la máquina virtual de c # , intente instalar mono
objetivo de conversión :
tomados del entorno del usuario .
extrae o convierte reglas de plurales cldr unicode .
en la instrucción número %u , el tamaño del especificador es incompatible con el especificador de conversión ' %c ' .
%s y %s entre otras .
no se encuentró al compilador de java , intente instalar gcj o poner $ javac
puntuales y las posiciones dentro del fichero se conservarán . en donde no
haya una coincidencia exacta , se utilizará el método de comparación difusa
localización del fichero de salida en modo java :
recodifica el texto serbio de escritura cirílica a latina .
la codificación por omisión es la que está en uso por la funcion locale .
el elemento < %s > no contiene un elemento < %s >
la cadena se refiere a una variable de entorno con un nombre vacío .
nombre del elemento de cierre
pero el encabezado no tiene el atributo " nplurals = entero "
no se puede eliminar el bloqueo de la e / s del subproceso %s
el campo de cabecera ' %s ' aún tiene el valor inicial por omisión
falta ' = ' después de " %s "
no debería especificarse fichero de entrada si se especifican %s y %s
este mensaje debería definir las formas plurales
atención : carácter unicode inválido
atención : par llave / valor no finalizado
como sea , si quieres borrar todo , el rebase será abortado .
un upstream , mira ' push . autosetupremote ' en ' git help config ' .
( usa " git am - - skip " para saltar este parche )
( usa " git rebase - - edit - todo " para ver y editar )
( usa " git revert - - skip " para omitir este parche )
%.*s no es un nombre de atributo válido
blob %s
%s no acepta argumentos : ' %s '
%s no es objeto válido
%s está bien
proceso %s falló
%s requiere argumentos
%s : revisión errónea
%s : falló al abrir el archivo index
%s : el parche no aplica
%s : tipo incorrecto
' %s ' parece ser un directorio y un archivo a la vez
' %s ' es un árbol de trabajo faltante pero ya registrado ;
' %s ' no es un nombre válido de rama
' %s ' no es un comando submodule - - helper válido
' %s ' : visualizador de man desconocido .
' crontab ' murió
guías de concepto . consulta ' git help < command > ' o ' git help < concepto > '
( deprecado ) era : intentar recrear fusiones en lugar de ignorarlas
( eliminar )
- - name - only solo es aplicable para - - list o - - get - regexp
- - no - index o - - untracked no se puede usar con revs
- - unpacked = < packfile > ya no es soportado
- f solo tiene sentido cuando se escribe un reemplazo
- n requiere un argumento
< opciones - de - rev > están documentadas en git - rev - list ( 1 )
una interfaz gráfica portátil para git
ejecute " git cherry - pick - - abort " .
comandos auxiliares / interrogadores
¿ aplicar cambio de modo al índice [ y , n , q , a , d %s , ? ] ?
¿ estás seguro de que deseas usar < %s > [ y / n ] ?
bom es requerido en ' %s ' si es codificado como %s
conflicto ( tipos distintos ) : %s tenía tipos diferentes en cada lado ; uno de ellos fue renombrado para que cada uno pueda ser grabado en algún lugar diferente .
conflicto ( cambio de nombre involucrado en colisión ) : cambio de nombre de %s - > %s tiene conflictos de contenido y colisiona con otra ruta ; esto puede resultar en marcadores de conflicto anidados .
conflicto ( renombrar / renombrar ) : renombrar " %s " - > " %s " en la rama " %s " renombrar " %s " - > " %s " en " %s " %s
opciones para el contenido del commit
¿ editaste el parche a mano ?
¿ descartar cambio de modo del índice y el árbol de trabajo [ y , n , q , a , d %s , ? ] ?
¿ descartar cambio de modo del árbol de trabajo [ y , n , q , a , d %s , ? ] ?
descargar objetos y referencias de otro repositorio
carácter de escape ' \ ' no permitido como último carácter en el valor attr
se esperaba comando ' to ' , se obtuvo %s
se esperaba un nombre de ref completo , se obtuvo %s
retrocediendo para parchar base y fusionar de 3 vías . . .
* diciendo " . / %s " si se quiere decir un archivo ; o
generalmente esto significa que has proveído un refspec de wildcard que no tiene
generando parches
protocolos de git basados en http
cómo los packs se transfieren en el alambre
¿ ahh ( %s ) ?
un remoto particular , como ' origin ' , considera configurar
o no estás seguro de lo que esto significa , escoge otro nombre con la opción ' - - name ' .
ingresa los patrones que ignorar > >
comando inválido : actualmente se encuentra en un bisect %s / %s
listar referencias en un repositorio remoto
fusionar con estrategia %s falló .
ya ha introducido el mismo cambio ; tal vez quieras omitir este parche .
no se encontraron nombres , no se puede describir nada .
no hay más fragmentos para buscar
ningún tag puede describir ' %s ' .
no hay parches válidos en la entrada ( permitir con " - - allow - empty " )
nota : una rama fuera de la jerarquía refs / remotes / no fue eliminada ;
nada fue aplicado .
información de output en cada ref
- ( vacío ) no elegir nada
recortando %s
empujar objetos por protocolo git a otro repositorio
rebase %s en %s ( %d comando )
recibiendo objetos
preimagen grabada para ' %s '
- hace commit al índice resultante en el superproyecto
rehusando eliminar el directorio de trabajo actual
¡ colisión de sha1 encontrada con %s !
implementación de lado de servidor de git por http
mostrar cambios usando herramientas de diff comunes
¿ tal vez confundiste las revisiones %s y %s ?
el hook ' %s ' fue ignorado porque no ha sido configurado como ejecutable .
la parte < src > del refspec es un objeto commit .
la parte < src > del refspec es un objeto tree .
- buscando un ref que concuerde con ' %s ' en el lado remoto .
refs / { heads , tags } / correspondiente al lado remoto .
se actualizarán en el índice :
las rutas siguientes se han movido fuera de la definición
de sparse - checkout pero no son escasas a causa de
las siguientes rutas ya estaban presentes y por eso no fueron actualizadas a pesar de los patrones sparse :
¿ a quién se deben mandar los correos ( si alguien hay ) ?
el url ' %s ' usa credenciales de texto claro
no es posible inicializar smtp adecuadamente . verificar config y usar - - smtp - debug .
empujando a la misma ref . quizás quieras integrar primero los cambios
advertencia : estás dejando %d commit atrás , no está conectado
maravilloso .
no hay un head válido .
has creado un tag anidado . el objeto referido por el nuevo tag ya
tu rama y ' %s ' refieren a commits diferentes .
y %s para el estado nuevo .
largo de abreviatura fuera de rango : %d
agregar una línea " signed - off - by " al mensaje del commit
agregar contenidos de archivos sin rastrear al conjunto de cambios de stage
agregar entradas de standard input al índice
incluir archivos sin seguimiento a la crónica
después de resolver los conflictos , marca las rutas corregidas
aplicar un parche sin tocar el árbol de trabajo
mal head - ref simbólico extraño
mal pack - int - id : %u ( %u paquetes totales )
mal crc del paquete de objeto para %s
ambos - - cached y árboles han sido entregados
branch con - - recurse - submodules solo se puede usar si submodule . propagatebranches está habilitado
rama ( s ) para rastrear
no se puede conectar al subservicio %s
no se puede hacer checkout a %s
no se puede realizar cherry - pick durante un revert .
no se puede hacer fstat en el archivo de bitmap
no se puede leer link ' %s '
no se puede desvincular ' %s '
no se puede usar %s como archivo de exclusión
no se puede usar - - contents con el nombre de objeto commit final
escoger un algoritmo para diff
commit ' %s ' requiere cabecera de autor
realiza un commit con tus cambios o haz un stash para proceder .
padre de commit - graph para %s es %s ! = %s
continuar la fusión en progreso actual
core . fsyncmethod = batch no es soportado en este plataforma
índice de bitmap corrupto ( demasiado pequeño )
no se pudo archivar el directorio faltante ' %s '
no se pudo configurar log . excludedecoration
no se puede leer el mensaje del commit ' %s '
no se pudo averiguar información sobre el objeto ' %s '
no se pudo revisar el commit %s
no se pudo abrir o leer ' %s '
no se pudo analizar commit de notes_merge_partial .
no se pudo resolver head
no se pudo resolver el commit de head
no se puede desconfigurar upstream de head cuando este no apunta a ninguna rama .
no se pudo escribir el template del commit
no se pudo obtener el oid de la rev ' %s '
no se pudo abrir el archivo ' %s '
crear un repositorio vacío
crear un reflog para una nueva rama
crear / reiniciar y hacer checkout a una rama
borrados por ellos :
borrando la rama ' %s ' que ha sido fusionada en
desacoplar head en el commit nombrado
posesión dudosa detectada en el repositorio a ' %s '
no crear un paquete resultante vacío
no ocultar commits por injertos
no mostrar el url remoto
padre duplicado %s ignorado
editar el mensaje de commit
falló la edición del parche
excluir cualquier uploadpack . blobpackfileuri configurado con este protocolo
diff externo murió , deteniendo en %s
filtro externo ' %s ' ya no está disponible aunque no todas las rutas han sido filtradas
falló al crear directorio %s
falló al crear los archivos de salida
falló al descargar el archivo al url ' %s '
falló al codificar ' %s ' de %s a %s
falló al determinar el nombre de rama por defecto
falló al analizar parámetro de opción - - submodule : ' %s '
no se pudo ejecutar ' crontab - l ' ; es posible que su sistema no soporte ' cron '
forzar creación
forzar la edición del mensaje de tag
forzar la ejecución de gc incluso si puede haber otro gc ejecutándose
formato : átomo %% ( else ) usado más de una vez
genera un diff usando algoritmo " patience diff "
obtener valor específico para el url : sección [ . var ] url
git branch [ < opciones > ] ( - c | - c ) [ < rama - vieja > ] < rama - nueva >
git branch [ < opciones > ] ( - m | - m ) [ < rama - vieja > ] < rama - nueva >
git check - mailmap [ < opciones > ] < contacto > . . .
git clone [ < opciones > ] [ - - ] < repo > [ < directorio > ]
git diagnose [ - o | - - output - directory < ruta > ] [ - s | - - suffix < formato > ] [ - - mode = < modo > ]
el header de git diff carece de información del nombre del archivo cuando se elimina %d componente principal de la ruta ( línea %d )
git fast - export [ < opciones - de - rev - list > ]
git fetch - pack : se esperaba ack / nak , se obtuvo un flush packet
git prune [ - n ] [ - v ] [ - - progress ] [ - - expire < tiempo > ] [ - - ] [ < head > . . . ]
git remote set - url - - delete < nombre > < url >
git rerere [ clear | forget < ruta > . . . | status | remaining | diff | gc ]
[ - - pathspec - from - file = < archivo > [ - - pathspec - file - nul ] ]
git stash list [ < opciones > ]
git submodule sync [ - - quiet ] [ - - recursive ] [ < ruta > ]
ignorar la fecha del autor y usar la fecha actual
ignorar objetos empaquetados
incluir todos los commits que ya están en el archivo commit - graph
incluir archivos sin seguimiento en stash
indicar concordancia con exit status sin output
agregar cambios interactivamente
argumento inválido para %s
llave inválida : %s
formato inválido : %s
ruta de servicio remoto inválida
línea shallow inválida : %s
' - - no - show - forced - updates ' o ejecutar ' git config fetch . showforcedupdates false '
saltar los archivos que no pueden ser agregados a causa de errores
mantener index
llave = valor
información de libc :
como - - batch , pero no emitir < contenido >
output en formato de máquina
parámetro - - author mal formado
estrategia de fusión para usar
se encontró más de %i tags ; se mostraron las %i más recientes
a multi - pack - index le falta el fragmento pack - name requerido
no hay revert en progreso
no se ha encontrado mapeo de submódulos en . gitmodules para la ruta ' %s '
no existe tal rama : ' %s '
nombre de objeto no válido : ' %s '
número de submódulos clonados en paralelo
objeto %s es un %s , no un %s
directorio de objetos conteniendo conjunto de pares de packfile y pack - index
en demanda
solo emite salida relacionada con el segundo rango
abriendo %s
opción = valor
fallo al escribir paquete - la data excede al tamaño máximo de paquete
valor positivo esperado ' %s ' en %% ( %s )
anteponer esto a la salida de ruta del submódulo
imprimir contenido del tag
error de protocolo : ' %s ' inesperado
leer mensaje de commit desde un archivo
leer objetos desde stdin
programa de recepción de paquetes
repositorio de referencia ' %s ' es superficial ( shallow )
remote - curl : error al leer command stream de git
reutilizar el objeto de nota especificado
ejecutar una tarea específica
¿ buscar para regexp ?
servir los info / refs para git - http - backend
servidor no soporta ' %s '
configurar upstream para git pull / status
configurar como repositorio compartido
mostrar < n > líneas de context después de las concordancias
mostrar el scope de la configuración ( worktree , local , global , system , command )
mostrar estadísticas de costo de trabajo
saltar aplicación de filtro de sparse checkout
saltar la salida de la ruta especificada
omitiendo la tarea de reempaquetado incremental porque core . multipackindex está deshabilitado
algunos refs locales no pudieron ser actualizados ; intenta ejecutar
especificar un destino para los archivos de reporte de bug
valor splitindex . maxpercentchange ' %d ' debe estar entre 0 y 100
comenzar un área de trabajo ( mira también : git help tutorial )
puerto extraño ' %s ' bloqueado
suprimir mensajes de error para refs no simbólicos ( desacoplados )
tag ' %s ' es externamente conocida como ' %s '
el siguiente archivo tiene contenido en stage diferente al archivo
el commit original ' %s ' tiene una firma gpg
el remoto se colgó de manera inesperada
este árbol de trabajo no es sparse ( archivo sparse - checkout tal vez no existe )
orden topológico , manteniendo el orden de fechas donde sea posible
no es posible acceder al blob escaso en ' %s '
no es posible agregar ' %s ' al index
no es posible leer %s
no es posible dequote la cadena de estilo c ' %s '
no es posible actualizar el árbol de caché
incapaz de escribir el objeto de nota
acción desconocida : %d
opción desconocida en string no ascii : ` %s '
subcomando desconocido : ' %s '
entradas de stage desordenadas para ' %s '
argumento - - scheduler no reconocido ' %s '
color no reconocido : %% ( color : %s )
opción desconocida : ' %s '
versión de índice no soportada %s
usar < n > hilos de trabajo ipc
usar < nombre > en lugar de la rama de destino real
usar otra clave para firmar el tag
de qué árbol hacer el checkout
al expandir el alias ' %s ' : ' %s '
con - a , reempaquetar objetos inalcanzables
escribir un índice multi - pack de los paquetes resultantes
y - aplicar este fragmento al índice
a - aplicar este fragmento y todos los posteriores en el archivo
y - descartar este fragmento del índice y del árbol de trabajo
q - quit ; no descartar este fragmento ni ninguno de los que quedan
q - quit ; no aplicar stage a este fragmento ni ninguno de los restantes
d - no hacer stash a este fragmento ni ninguno de los posteriores en el archivo
si estos cambios están destinados a un nuevo commit , ejecuta :
hay que especificar un nombre de etiqueta
< %s > no es un miembro válido del tipo enumerado especificado
< alias value = ' %s ' / > ya especificado
< schema id = ' %s ' > ya especificado
espacio de nombres abstracto no soportado
el punto de montaje contenido no existe
no se pudo abrir el conversor de « %s » a « %s » : %s
se cerró el elemento « %s » , no existe ningún elemento abierto
error al cerrar el socket : %s
error al abandonar al grupo de multicast : %s
error al leer del archivo : %s
error al resolver « %s »
error al establecer permisos : %s
error al establecer el enlace simbólico : el archivo no es un enlace simbólico
demasiados argumentos .
archivo ruta
el nombre de archivo « %s » no se puede convertir a utf - 16
sistema de archivos raíz
gestor
el servidor proxy http cerró la conexión inesperadamente .
nombre de equipo traducido « %.*s » no válido en el uri
el flujo de entrada no implementa la búsqueda
introspeccionar un objeto remoto .
nombre de programa no válido : %s
cadena no válida en el entorno : %s
el valor del enlace simbólico dado no es válido
la longitud de %u es demasiado larga para una dirección
número de versión mal formado : %s
monitorizar cambios en la clave .
no se especificó ningún punto de conexión extremo
no hay suficiente memoria
no hay suficiente espacio en el destino
el valor analizado « %s » para la variante no es una firma de d - bus válida
en esta plataforma no se soportan las tuberías
imprimir nueva etag al final
consultar la descripción para la clave
consultar el rango de valores válidos para la clave
el contexto selinux debe ser no nulo
socksv4 no soporta la dirección de ipv6 « %s »
se han introducido varias contraseñas incorrectas , y su acceso se bloqueará después de más fallos .
muestra todas las opciones de ayuda
expiró la e / s del socket
el uri « %s » no es válido
la carpeta de la que se tienen que leer los archivos indicados en archivo ( la predeterminada es la carpeta actual )
la contraseña introducida no es correcta .
el uri no es absoluto y no se ha proporcionado un uri base
el uri « %s » no es un uri absoluto
no se pudo crear la información de papelera para el archivo %s : %s
no se pudo desconectar el socket : %s
set establecer el valor de una clave
[ opción … ]
desbordamiento de código
no se pudo obtener la dirección local : %s
la unidad no implementa reproducir
abril
diciembre
falta elnombre del subpatrón después de ( ? &
dos subpatrones tienen el mismo nombre
la lista de precarga ( cob_library_path y / o cob_preload )
- l < lib > enlaza la biblioteca < lib >
%s solamente permitido a nivel 01 / 77
%s requiere un nombre de datos
%s requiere un nombre de registro como sujeto
« %s » any length debe ser nivel 01
« %s » based no permitido con redefines
« %s » crt status debe ser de 4 caracteres de longitud
« %s » campo binario no puede ser mayor de %d dígitos
« %s » no puede ser subíndice aquí
« %s » definido aquí
« %s » no es nombre de grupo
« %s » no es un párrafo modificable
« %s » no es una función intrínseca
« %s » no esta en linkage section
« %s » no es asignada
ítem del nivel 88 no es permitido aquí
call de programa con cláusula chaining
call / cancel con program - prototype - name
directiva else sin if / elif acompañados
configuración de fichero de e / s
go to con multiples nombres - procedimiento
record descrito faltante o no válido
renames quizá no contienen « %s » como es una referencia a puntero u objeto
set objetivo debe ser program - pointer
size / length no válido aquí
configuración del sistema
cláusulas time - out o before time
intenta minimizar el número de paréntess o divide en múltiples cálculos .
llamada a %s con puntero inválido , como es ausente en lista
no puede tener ambos z y * dentro de cadena picture
no puede reasignar %d bytes de memoria
no puedo especificar constante cero figurativa dentro de cláusula at
comprueba que ' cobxref ' está dentro de %s
duplica valores de carácter en alfabeto « %s » : %s
exponente tiene más que 4 dígitos
expresión es siempre verdadera
ordenación de fichero requiere frase key
profundidad excedida en pila interna de declaración : %d
empleo no válido de linage - counter
invalida objetivo move : %s
invalida nombre de fichero sort
etiquetado de configuración inválido « %s »
parámetro de nombre del fichero no válido ( longitud > %d )
invalida origen para move
símbolo no válido : « %s » - omitiendo palabra
número de nivel de entradas redefines deben ser idénticas
longitud literal %d excede máximo de %d dígitos
más que %d condiciones anidadas
múltiples referencias para « %s »
debe ser numérico
solo nombres de campo permitidos aquí
analizando :
prototipo tiene el mismo nombre como función actual y será ignorada
tamaño de registro « %s » ( %d ) más largo que el máximo de fichero « %s » ( %d )
demasiados errores
dispositivo « %s » desconocida ; quizá existe en otro dialecto
palabra a ser añadida para listado de palabras reservadas
emisor " %s "
esto puede significar que la firma está falsificada .
huella de clave =
( %d ) dsa ( permite elegir capacidades )
( %d ) rsa ( sólo cifrar )
( firmas creadas en
s = saltar esta clave
- omitido
atención : el tamaño de la entrada de cache no es correcto
%d clave procesada
%s / %s cifrado para : " %s "
( probablemente quería seleccionar %d aquí )
( error reportado : %s < %s > )
( véase en la página del manual la lista completa de órdenes y opciones )
comprobación crl / ocsp de certificados
nombre del titular de la tarjeta :
cambiando caducidad de clave primaria .
cambiando uso de clave primaria .
borrar clave
dirmngr utilizable
clave de cifrado
la cambiaré más tarde
no se dio ninguna razón
no es un keygrip válido ( se esperaban 40 dígitos hex )
frase contraseña
por favor corrija primero el error .
introduzca el nombre del fichero de datos :
por favor introduzca frase contraseña para %0A proteger su nueva clave
por favor introduzca su pin para desbloquear la clave secreta de esta sesión
¿ revocar realmente todos los identificadores seleccionados ? ( s / n )
¿ firmar de verdad ? ( s / n )
código de reinicio demasiado corto ; longitud mínima %d
código de reinicio repetido incorrectamente ; inténtelo de nuevo
subclaves secretas disponibles .
la firma nunca caduca
clave válida ¿ durante ? ( %s )
sintaxis : @ gpg_agent @ [ opciones ] [ orden [ argumentos ] ]
sintaxis : scdaemon [ opciones ] [ orden [ args ] ]
¡ este jpeg es realmente grande ( %d bytes ) !
¡ esta clave ha caducado !
esta clave expirará el %s .
id de usuario " %s " : %d firma borrada
advertencia : cifrando para %s , que no tiene ningún identificador de usuario no revocado
nota : el cifrado %s no aparece en las preferencias del receptor
aviso : fecha de creación de firma desconocida - asumo momento actual
aviso : detectadas múltiples firmas . sólo la primera se comprueba .
aviso : no se puede borrar fichero temporal ( %s ) ' %s ' : %s
aviso : usando algoritmo de cifrado experimental %s
no se puede crear el socket : %s
imposible abrir datos firmados fd = %d : %s
no puedo desactivar el bloqueo en la cache de certificados : %s
certificado ' %s ' cargado
certificado ya almacenado
cadena de certificados más larga de lo que permite la ca ( %d )
el certificado ha sido revocado
el certificado no es utilizable para firmar
cambiar datos en la tarjeta
no se puede interpretar la url del servidor de claves
borrar firmas de los id seleccionados
no independizarse de la consola
cifrado con algoritmo desconocido %d
error mientras se accedía ' %s ' : http status %u
error al verificar la validez del emisor del certificado crl : %s
error al obtener un objeto crl : %s
error al abrir base de datos tofu : %s
error al abrir archivo de cache ' %s ' : %s
error escribiendo a ' %s ' : %s
detectado un campo extra en la entrada crl de ' %s ' línea %u
respuesta s - expression de libksba no válida
código de país inválido en ' %s ' , línea %d
el nivel de depuración ' %s ' no es válido
la clave %s aparece más de una vez en la base de datos de confianza
clave %s : " %s " %d identificadores de usuario limpiados
clave %s : no coincide con nuestra copia
ha fallado ksba_crl_parse : %s
línea %d : falta nombre de entidad
no tenemos clave de certificación para ssh en la tarjeta : %s
ningún servidor de claves conocido
abriendo archivo de cache ' %s '
escribir datos de salida en hexadecimal
escribir estado de la tarjeta
problema re - buscando el certificado : %s
clave pública %s no encontrada : %s
clave pública de la clave absolutamente fiable %s no encontrada
leyendo desde ' %s '
borrar partes inútiles de la clave después de importar
el certificado raíz no está marcado como fiable
ejecutar en modo supervisado
clave secreta %s : %s
enviando clave %s a %s
falta el número de serie en el id del certificado
configurar kdf para autentificación de pin
mostrar fotos de los id seleccionados
firmar ids seleccionadas [ * ver debajo órdenes relacionadas ]
la subclave de firmado %s ya está certificada en cruz
omitida : clave pública ya designada como destinataria por defecto
omitido : clave secreta ya presente
subclave " %s " no encontrada
algoritmo no disponible : %s
ha fallado la actualización del archivo dir - la entrada de cache se perderá al reiniciar el programa
escribiendo en ' %s '
| an | nuevo pin administrador
| name | usa algoritmo de resumen de mensaje nombre
| n | nuevo pin
| pinentry - tt | esconder frase contraseña
contraseña de reto : %s
revocado en : %s
emisor : %s
%s autoridad de certificación ( ac ) : falso
%s volcadohex :
%s identificador de llave de sujeto ( %s ) :
%s solo cifrador de llave .
se recibió un paquete de registro tls con longitud inválida .
se esperaba una extensión pero no se vio ninguna
error en la contraseña proporcionada para cargar la llave en tpm .
error en la función pull .
error en el dispositivo aleatorio del sistema .
no coincide el certificado .
falló la verificación .
sin emisor ,
emulaciones admitidas :
%s : conflicto de arquitectura cpu %d / %d
%s : archivo de tamaño de encabezado mal formado en %zu
%s : no se configuró para admitir objetos big - endian de 32 - bit
%s : emulaciones admitidas :
%s : el símbolo vtable quizá está indefinido porque la clase es perdiendo su funcionalidad clave
%s : no se admite el número de máquina elf %d
( powerpc solo ) etiquetar enlazador stubs con un símbolo
* * reubicaciones dinámicas
- - plt - localentry es peligroso especialmente sin compatibilidad con ld . so que detecte violaciones abi
permite versión inutilizada al guión
crea un ejecutable independiente de posición
data_segment_align sólo puede aparecer una vez en un guión de enlazado
no crea reubicaciones de copia
no admite reubicaciones en segmentos de solo lectura
unidad de compilación extremadamente grande en la información de depuración ; falló al reducir la información de depuración
genera información indeclarada para plt
descartado
listado quitado sin establecer secciones sobre salida de error común
optimiza el tamaño del fichero de salida
prelee los símbolos de archivo cuando es multi - hilos
escribe el nombre de cada fichero de entrada
comunique símbolos sin resolver como errores
restaura el estado de marcas relatadas a ficheros entrantes
establece el formato de salida
establece la dirección del segmento bss
descarta las secciones de código intermedio lto
equivocación del nombre de sección desplazamiento para sección %u : %lu
no se puede encontrar %s %s
no se puede mezclar - static con el objeto dinámico %s
no se puede mezclar la división - pila ' %s ' y la no - división - pila ' %s ' al usar - r
descarta - - threads : %s compilado sin capacidad de hilos
bib termina sin inicio bib
no se encontraron datos incrementales de la compilación anterior
reubicación privada
sección reubicante %u tiene información %u equivocada
sección reubicante %u utiliza distribución simbólica inesperada %u
eniniciar enlace con - - incremental - full
no se puede abrir el fichero - retain - symbols - file %s : %s
no se puede decodificar el fichero de guión de versión %s
constante %s desconocida
< ciclo %d como un todo > [ %d ]
no hay tiempo propagado
%s : falta el histograma en el fichero gmon . out
índice por nombre de función
- r , - - dereference - recursive similar , pero sigue todos los enlaces simbólicos
longitud de contexto inválida
cambiar el contraste del azul
cerrar la ventana
considerar que la papelera y los archivos temporales son antiguos después de estos días .
controlar cómo una ventana nueve obtiene el foco
determina si los valores de luminosidad se invierten : los colores oscuros se vuelven más claros y viceversa , y el blanco y el negro se intercambian .
desactiva características obsoletas requeridas por aplicaciones antiguas o rotas
tipografía de documento
activar « rechazo de teclas »
aplicaciones excluídas
nombre del equipo proxy http
resalta la ubicación actual del puntero .
si se establece a " lockscreen " , sólo se rechazarán los dispositivos usb cuando la pantalla de bloqueo esté presente ; si se establece a " always " se rechazarán todos los dispositivos usb .
si es cierta , muestra la fecha iso de la semana en el calendario .
lista de id de archivos del escritorio para los que el proveedor de búsqueda predeterminado se debe activar
lista de id de archivos del escritorio para los que el proveedor de búsqueda predeterminado se debe desactivar
antigüedad máxima para las miniaturas de la caché , en días . establézcalo a - 1 para desactivar la limpieza .
mover la ventana un área de trabajo a la derecha
nombre de la tipografía predeterminada que se usará para leer documentos .
establezca esto a x1 , y1 y x2 , y2 de la curva de presión aplicada a la stylus .
mostrar día de la semana en el reloj
intercambiar los botones izquierdo y derecho del ratón para ratones para zurdos .
cambiar al área de trabajo 5
acción del botón terciario
el nombre de la máquina por la que se hace proxy http .
el poder de la magnificación . un valor de 1 . 0 significa sin magnificación . un valor de 2 . 0 duplica el tamaño .
no usada ; ignorar
indica si el reloj se muestra en formato de 12h o de 24h
indica si el cursor debe parpadear .
no se pudo determinar el tipo de flujo
no se pudo abrir el dispositivo para la reproducir en modo estéreo .
formato de subtítulo mpl2
ahora reproduciendo %s
fuente : real time streaming protocol ( rtsp )
usar el conducto playbin3 ( por defecto varía de acuerdo a la variable de ambiente ' use_playbin ' )
velocidad iso de la toma
velocidad del obturador de la toma
decrementar la tasa de reproducción
el formato no se negoció antes de obtener la función
se están desechando muchos búferes .
permite mostrar la posición actual del conducto aún si la salida estándard no es una terminal . esta opción no tiene efecto si se especificó la opción " no - position "
datos arbitrarios de la aplicación para serializarlos en el medio
no se pudo demultiplexar el flujo .
error : el elemento « conducto » no se encontró .
error de gstreamer : problema con el reloj .
international standard recording code ; consulte http : / / www . ifpi . org / isrc /
imprimir categorías de depuración disponibles y salir
el álbum que contiene estos datos
máxima tasa de bits en bits / s
no existe el elemento sumidero para el uri « %s »
un gdkimage para mostrar
un logotipo para la caja « acerca de » . si no se establece , lo predeterminado es gtk_window_get_default_icon_list ( )
un widget a mostrar en lugar de la usual etiqueta del marco
widget acelerador
grupo de acción
permitir encoger
dirección alternativa del indicador de ordenamiento
una ruta de acelerador usada para construir convenientemente rutas de aceleración de elementos hijo
backend para la impresora
sensibilidad del botón
color de fondo de la celda
mostrar la celda sensible
dibujar borde
establece la editabilidad
modo editable del cellrenderer
columna expansora
dar foco al ancho de línea
establece la variante de la tipografía
establece el peso de la tipografía
establece el primer plano
separación de la cabecera
pista para ayudar al entorno de escritorio a entender qué clase de ventana es ésta y cómo tratar con ella .
borde de la solapa horizontal
estilo de preedición del me
si es true , se muestran los detalles
si es true , el mes seleccionado no puede cambiarse
relleno de etiqueta
nivel de sangrado
máximo valor posible para x
posición mínima
longitud mínima de clave
widget nemónico
número de caracteres para dejar de espacio en la entrada
opacidad de la caja de selección
orientación
configuración de la página
paleta que se usará en el selector de colores
marcado del consejo del icono primario
redimensionar
espaciado del desplazamiento de las flechas
mostrar tamaño
encoger
tamaño de los espaciadores
ajuste al borde establecido
ajustarse a los ticks
opciones de origen
espacio que se introduce entre las celdas de un elemento
dividir cursor
tamaño del botón de flecha de desplazamiento
id de almacenamiento para el icono secundario
true si el proceso de impresión puede ejecutarse asíncronamente .
el ancho predeterminado de la ventana , utilizado cuando se muestra inicialmente la ventana
el nivel de llenado .
el valor máximo del ajuste
el número de bloques que pueden entrar en el área de la barra de progreso en el modo actividad ( obsoleto )
la posición en caracteres del extremo opuesto de la selección desde el cursor
la acción de radio a cuyo grupo pertenece esta acción .
el número de filas que acoplar por encima del hijo
la unidad en la que se pueden medir las distancias en el contexto
la separación x
separación superior
dominio de traducción
norma de actualización
utilizar subrayado
indica si se ignoran los caracteres no numéricos
indica si se debe restringir el borde superior al nivel de llenado .
indica si deben dibujar las líneas en la vista del árbol
qué lado del cuaderno contiene las solapas
anchura del borde alrededor del área del botón en la parte inferior del diálogo
con esta opción puesta a true , los deslizadores se dibujarán activos y con sombra dentro al arrastrarlos
ajuste de palabra
modo de ajuste
sugerencias xft
« %s » no es un tipo de atributo válido
se necesita autenticación para imprimir este documento en la impresora %s
de abajo a arriba , de izquierda a derecha
archivo de caché creado con éxito .
no se puede matar el proceso con pid %d . la operación no está implementada .
limpiar
no se pudo quitar el elemento
crear carpeta
personalizado %s x %s
disminuye el volumen
no se pudo cargar el icono
opciones de depuración gtk + que activar
aumenta el volumen
utf - 8 inválido
prioridad del trabajo
de izquierda a derecha , de arriba a abajo
no se encontró ninguna impresora
si realmente quiere crear un caché de iconos aquí , use - - ignore - theme - index .
no disponible
otra …
a la impresora « %s » le queda poco tóner .
completado único
iniciando %s
aplicar
ejecutar
ir a
nuevo
preferencias
propiedades
atrás
la puerta de la impresora « %s » está abierta .
el nombre de archivo « %s » no ha podido ser convertido a utf - 8 . ( intente definir la variable de entorno g_filename_encoding ) : %s
de arriba a abajo , de derecha a izquierda
añadir a los marcadores
reemplazar
contrabarra
sobre nº11
sobre choukei 2
sobre italiano
sobre personal
sobre prc10
ejecute %s nuevamente con opciones de configuración regional diferente .
no se pueden crear tokens restrigidos en esta plataforma : código de error %lu
no se pudo emplazar los sids : código de error %lu
no se pudo renombrar el archivo de « %s » a « %s » : %m
no se pudo hacer stat al archivo « %s » : %m
cheroqui
silabarios japoneses ( alias para hiragana + katakana )
jemer
licio
n'ko
osmaniya
símbolos ( variante emoji )
anguila
islas caimán
commonwealth de las bahamas
curazao
república oriental del uruguay
islandia
isla norfolk
pakistán
república de burundi
suecia
suiza
trinidad y tobago
kabul
lombardía
nueva york
apulia
checoslovaquia , república socialista checoslovaca
nuevas hébridas
dólar bahameño
dólar bruneano
corona islandesa
ringgit malasio
corona sueca
vasco
lenguas celtas
córnico
danés
idiomas drávidos
haussa
húngaro
luo ( kenia y tanzania )
manchú
neapolitano
siouan , lenguas
esloveno
ivbie okpela - norte - arhe
nahuatl , puebla
tibetano
- - [ no - ] insert - timestamp utiliza marca de tiempo real en lugar de cero ( opción predefinida )
describe la disposición de la ventana del banco de memoria
- - disable - long - section - names nunca usa nombres de sección coff largos ,
desactiva la transformación de las secciones . { text , data , bss , rodata } *
- - enable - auto - image - base [ = < direc > ] escoge automáticamente la base de la imagen para las dlls
( opcionalmente empezando con direc salvo que
- - mhyper - relax = nivel ajusta el nivel de relajamiento ( low | medium | high ) . predefinido : medium
- - no - flag - mismatch - warnings no advierte de objetos con configuraciones de
- - no - insn32 genera todas las instrucciones micromips
- - section - alignment < tamaño > establece la alineación de la sección
- z dynamic - undefined - weak hace dinámicos los símbolos débiles indefinidos
- z nodump indica que el dso no está disponible para dldump
- z notext no trata dt_textrel en la salida como error ( lo predefinido )
- z now señala enlace no perezoso de objetos en tiempo de ejecución
- z shstk genera gnu_property_x86_feature_1_shstk
%F %P : %pB : - - just - symbols no se puede utilizar en dso
%F %P : falló bfd_hash_lookup para la inserción : %E
%F %P : el grupo terminó antes de empezar ( - - help para modo de empleo )
%F %P : - - plt - align no válido ` %s '
%F %P : versión no válida de formato coff %s
%F %P : número hexadecimal ` %s ' inválido
%F %P : tamaño de pila no válido ` %s '
%F %P : tipo de subsistema %s inválido
%P : - - relax - [ no - ] reduce - fp - updat ya no se utiliza
%P : error : no se reconoce la opción para - - fix - cortex - a53 - 843419 : %s
%P : aviso : salida ctf no creada : ` %s '
%P : aviso : número de versión erróneo en la opción - subsystem
%P : aviso : se hace caso omiso del tipo de módulo no válido %s
%X %P : %C : referencia a ` %pT ' sin definir
%X %P : no se pueden construir los stubs : %E
%X %P : error : reubicación de %d - bit en la dll
crea la versión de símbolo por defecto para símbolos importados
descarta los símbolos locales temporales ( por defecto )
no copia los enlaces dt_needed mencionados dentro de los dsos a continuación
no trata los avisos como errores ( por defecto )
no avisa al encontrar una biblioteca incompatible
muestra el sysroot actual
lee el guión del enlazador por defecto
avisa si la salida tiene dt_textrel
fallo al leer el contenido de la sección
aviso : la sentencia insert en el script del enlazador es incompatible con - - enable - non - contiguous - regions .
%c %s . . . ¡ error !
falta el directorio de archivos %s .
no pude hacer mmap de %lu bytes
falló al truncar el archivo
la suma hash difiere para : %s
error interno , no se pudo localizar el miembro %s
no existe el usuario de entorno seguro « %s » , no se pueden ignorar los privilegios
preparar para recibir una solución
ejecutando disparador post - instalación %s
error de sintaxis %s : %u : no hay un nombre al comienzo del bloque .
el valor « %s » no es válido para apt : : default - release ya que dicha distribución no está disponible en las fuentes
no se pudo cerrar « mmap »
se esperaba %s pero no estaba presente
%15u fallos de entrada
miembros explícitos :
no - miembros implícitos :
la línea " zone %s " y la opción - p son mutuamente excluyentes
%3u d %2u h %2u m %2lu s tiempo de funcionamiento del servidor
%s : %s ; causa = ( error de autentificación desconocido - %d )
%s : la opción - y se ha especificado más de una vez
%s : no puede tener ` %s ' como final de un rango de elipsis
%s : definición duplicada de ` %s '
%s : el campo ` %s ' no debe estar vacío
%s : línea ` end ' incompleta
%s : falta la palabra clave ` reorder - end '
%s : no hay suficientes reglas de ordenación
el cambio de los derechos de acceso de %s a %#o falló
el proceso hijo se ha detenido
convierte la codificación de los ficheros dados de una codificación a otra .
ficherodedatos [ ficherodesalida ]
el dispositivo no es un ` stream '
la codificación de los datos del fichero elf no es ` big - endian '
discordancia de tipo entrada / tabla
error al obtener la clase de seguridad de nscd
fallo al desactivar las capacidades que se mantienen
el fichero ya existe
ficheros de entrada :
especificación de formato de entrada / salida :
división entera por cero
el descriptor de fichero solicitado es erróneo
la clave ha sido revocada
no quedan semáforos xenix disponibles
no queda espacio para memoria intermedia
el paquete no está instalado
el objeto pasado no es el mismo objeto que hay en el servidor
recargando " %s ( %s , %s , %s ) " en el caché de netgroup
subíndice fuera de rango
información del sistema :
modo de empleo : sotruss [ opción . . . ] [ - - ] ejecutable [ opción - del - ejecutable . . . ]
- o , - - output fichero escribe el resultado en fichero ( o en fichero . $ pid si se
escribe los nombres de las asignaciones de caracteres disponibles
bloque liberado dos veces
no se puede asignar espacio para los datos del símbolo
no se puede crear un caché para la ruta de búsqueda
no se pueden asignar páginas para la tabla fptr
no se pueden asignar páginas de tipo ` zero - fill '
no se puede abrir el fichero de salida ` %s '
el carácter l ' \ u %0*x ' en la clase ` %s ' no debe estar en la clase ` %s
la línea de continuación esperada no se encuentra
fallo al asignar un segmento del objeto compartido
el tamaño del fichero no coincide
límite de la implementación : no se permiten más de %d tablas de caracteres
carácter o secuencia de desplazamiento incompleta al final del búfer
el nombre del local debe estar formado por caracteres portables únicamente
la memoria es consistente , la biblioteca tiene un error
necesita ser instalado setuid ` root '
los servicios seguros ya no están implementados
se acabaron los datos mientras se leía la clave de petición : %s
tiempo demasiado pequeño
clase elf errónea : elfclass64
lente af - d o af - s
automático , se disparó
puntos de autoenfoque utilizados
punto negro
número de serie del cuerpo
brillo
id de la cámara
peso centrado
ajuste del contraste
f0 / estándar
sincronismo fp activado
fuegos artificiales
flash usado
el flash se disparó
flores
modo de enfoque
posición del foco
selección iso
tamaño de los datos de la imagen
error interno ( valor desconocido %hu %hu )
versión de interoperabilidad
izquierda - derecha
valor de luz en la periferia
valor máximo de apertura
normal , superalto
sracional
configuración ( segunda parte )
sincronización lenta
nieve
surf y nieve
la fecha y hora cuando se generaron los datos originales de la imagen . para una cámara digital se registra la fecha y la hora en la que se tomó la foto .
la unidad para medir < xresolution > e < yresolution > . se utiliza la misma unidad para ambas . si la resolución de la imagen se desconoce , se designa 2 ( pulgadas ) .
esta etiqueta indica la distancia focal mínima , la distancia focal máxima , el número f mínimo en la distancia focal mínima y el número f mínimo en la distancia focal máxima .
esta etiqueta indica la dirección del procesamiento de stauración aplicado por la cámara cuando se tomó la imagen .
este etiqueta registra la tabla de frecuencia espacial de la cámara o dispositivo de entrada y los valores sfr en las direcciones de ancho , alto y diagonal de la imagen , como se especifica en iso 12233 .
no se pudo desconectar el controlador del dispositivo de cámara .
no se pudo consultar el controlador del dispositivo .
no se pudo continuar al desplazamiento : %x en ' %s ' ( %m ) .
- n , - - tr46nt activa el procesamiento tr46 que no es transicional
- v , - - version muestra la versión y termina
no se puede la cadena a a utf - 8
la conversión de código puny resulta en desbordamiento
¿ está el servidor en ejecución localmente y aceptando conexiones en ese socket ?
no se pudo generar hash de certificado de la contraparte
no se pudo establecer el indicador de nombre del servidor ( sni ) de ssl : %s
no se pudo escribir a archivo « %s » : %s
rango de protocolo ssl no válido
parámetro de uri no válido : « %s »
mensaje scram mal formado ( longitud no coincide )
no se encontró respuesta del cliente luego del intercambio sasl exitoso
no hay mensaje de error disponible
memoria agotada creando el búfer sasl ( %d )
el valor para password_encryption es demasiado largo
- w archivo , - - what - if = archivo , - - new - file = archivo , - - assume - new = archivo
- d se imprimirán grandes cantidades de información de depurado .
# regla incorporada
# objetivo falso ( dependencia de . phony ) .
# %s ( llave %s , mtime %I 64u ) :
$ shell ha cambiado ( era ' %s ' y ahora es ' %s ' )
%s : se atrapó una interrupción / excepción ( código = 0x %lx , dirección = 0x %p )
cd integrado %s
no se puede crear un archivo temporal
miembro ' %s ' %s : %ld bytes en %ld ( %ld ) .
se poda el archivo ' %s ' .
re - ejecutando [ %u ] :
las instrucciones tienen demasiadas líneas ( %u d )
actualizando archivos makefiles . . . .
no se puede forzar la carga límite :
los objetivos agrupados deben proporcionar instrucción
error interno : no se pudo abrir el semáforo del servidor de tareas ' %s ' : ( error %ld : %s )
servidor de tareas detenido
tubería de trabajos « pselect »
el programa para hacer un ' touch ' no está disponible en vms
atención : se fuerza a - j %d en el makefile : se restablece el modo de servidor de tareas .
windows32_openpipe : fallo en duplicatehandle ( err ) , ( e = %ld )
%s : %d : advertencia : línea nueva dentro de petición . so , ignorando
- t código { - - suffix suffix | - - in - place } nombrefichero . . .
procesando las páginas de manual bajo %s . . .
[ sección . . . ]
no se puede abrir el fichero de configuración de rutas de man %s
no se puede reemplazar la clave %s
muestra la traducción a ascii de ciertos caracteres latín1
error fatal : regex ` %s ' : %s
aviso : %s no es un directorio
spfp reconoce instrucciones fpx sp .
# < error de desensamblador : %08lx >
campo de bits desconocido : %s
no se puede crear i386 - init . h , errno = %s
no se puede crear i386 - tbl . h , errno = %s
el valor de desubicación está fuera de rango
registro indexado xzr no está permitido
invalida campo de máscara
invalida valor del tamaño debe estar en el rango 1 - 64 .
operando no es cero
el registro debe ser blink
el registro debe estar o entre r8 - r3 o r12 - r15
rotación experada para ser 0 , 90 , 180 , 270
- r , - - exclude - relation = patrón no revisar la ( s ) relación ( es ) que coincida ( n )
- w , - - no - password nunca pedir contraseña
la consulta era : %s
bloque final fuera de rango
error al enviar orden a la base de datos « %s » : %s
argumento no válido para la opción %s
no hay relaciones para revisar en esquemas que coincidan con « %s »
omitiendo la base de datos « %s » : amcheck no está instalado
opciones que controlan la salida :
- s , - - slot = nombre slot de replicación a usar
- d , - - dbname = constr cadena de conexión
sólo los archivos tar pueden ser interpretados .
no se pueden inyectar un manifiesto en un archivo tar comprimido
el archivo de segmento « %s » tiene tamaño incorrecto %zu al descomprimirse , ignorando
no se pudo terminar la compresión lz4 : %s
no se pudo iniciar el respaldo base : %s
no se pudo leer el archivo comprimido « %s » : %m
no se pudo escribir %d bytes al archivo wal « %s » : %s
desconectado ; esperando %d segundos para intentar nuevamente
nombre de archivo no válido : « %s »
especificación de compresión no válida : %s
no existe el slot de replicación « %s »
algoritmo de compresión no reconocido : « %s »
esperando al checkpoint
el clúster debe estar apagado
%s [ opción ] [ datadir ]
ubicación del fin de backup : %X / %X
oldestactivexid del último checkpoint : %u
por referencia
en recuperación
parámetro max_locks_per_xact : %d
opciones comunes :
%s restart [ - d datadir ] [ - m modo - detención ] [ - w ] [ - t segs ] [ - s ]
%s : la opción - s no está soportada en esta plataforma
%s : no se pudo obtener luids para privilegios : código de error %lu
%s : no se pudo iniciar el servidor .
%s : no se pudo escribir al archivo de señal de rotación de log « %s » : %s
%s : el servicio « %s » ya está registrado
%s : nombre de señal « %s » no reconocido
que coinciden con patrón
usa órdenes session authorization en lugar de
- o , - - no - owner no reestablece los dueños de los objetos
- t , - - exclude - table = patrón no extrae la o las tablas nombradas
- a , - - data - only reestablece sólo los datos , no el esquema
- d , - - dbname = nombre nombre de la base de datos que volcar
with oids ya no está soportado ( tabla « %s » )
el archivador está comprimido , pero esta instalación no soporta compresión - - no habrá datos disponibles
valor no válido en el campo pg_cast . castmethod
la compresión no está soportada por el formato de salida tar
no se pudo encontrar el bloque con id %d en archivo - - posiblemente debido a una petición de restauración fuera de orden , la que no puede ser completada debido a que en el archivo de entrada no es reposicionable ( seekable )
no se pudo encontrar la extensión referenciada %u
no se pudo reabrir el archivo de salida « %s » : %m
errores ignorados durante la recuperación : %d
asumiendo reestablecimiento de sólo datos
el archivo de entrada no parece ser un archivador válido
elemento stdstrings no válido : %s
el formato de salida especificado « %s » no es válido
el último oid interno es %u
no coincide el número de configuraciones con el de condiciones para extensión
no se encontraron tablas coincidentes para el patrón « %s »
no existe el objeto referenciante %u %u
leyendo políticas
leyendo los disparadores ( triggers )
leyendo las funciones definidas por el usuario
la extracción de datos fuera de orden no está soportada en este formato : se requiere « %s » , pero viene antes de « %s » en el archivador .
salvando las definiciones de la base de datos
información de columnas para la tabla « %s » inesperada
tipo no reconocido de secuencia : %s
existe pg_control pero está roto o tiene la versión equivocada ; ignorándolo
no se pudo obtener el listado de archivos : %s
el puntero de término %X / %X no es un punto válido ; se esperaba %X / %X
no se especificó directorio de datos de destino ( - - target - pgdata )
memoria agotada mientras se emplazaba un procesador de lectura de wal
se recibieron datos para el archivo « %s » , cuando se solicitó para « %s »
rebobinando desde el último checkpoint común en %X / %X en el timeline %u
modificación de página inesperada para el archivo no regular « %s »
fsync falló
por ejemplo :
el directorio « bin » para la versión nueva ( - b bindir )
%d : problema de extracción de controldata
consulte las últimas líneas de « %s » para saber
copiando el %s antiguo al nuevo servidor
copiando archivos de relaciones de usuario
una vez que inicie el servidor nuevo , considere ejecutar :
parece haber un postmaster sirviendo el clúster nuevo .
su instalación contiene uno o varios tipos compuestos definidos por el sistema en
su instalación contiene el tipo « jsonb » en tablas de usuario .
versiones de sus clústers antiguo y nuevo , por lo que este clúster no puede
error mientras se copiaba la relación « %s . %s » : no se pudo hacer stat a « %s » : %s
no se pudo obtener el nombre del « locale » para « %s »
número de puerto nuevo no válido
el tamaño máximo de segmento de relación antiguo y nuevo no son válidos o no coinciden
pg_ctl no pudo iniciar el servidor de origen , o la conexión falló
reescribiendo « %s » a « %s »
" %s " tiene un tamaño %lld en el disco pero un tamaño %zu en el manifiesto
los valores de escape unicode no se pueden utilizar para valores de código superiores a 007f cuando la codificación no es utf8 .
un « low - surrogate » unicode debe seguir a un « high - surrogate » .
no se pudo decodificar el nombre del archivo
no se pudo actualizar la suma de verificación del manifiesto
suma de comprobación de manifiesto no válida : " %s "
el timeline no es un número entero
versión de manifiesto inesperada
campo de objeto inesperado
( por omisión : directorio actual , . / pg_wal , $ pgdata / pg_wal )
especificación de id de transacción no válida : « %s »
- a , - - all reordenar todas las bases de datos
- d , - - dbname = dbname nombre de la base de datos
los cuales es miembro ( predeterminado )
- t , - - table = tabla reordenar sólo esta ( s ) tabla ( s )
« %s » no es un nombre válido de codificación
%s : reordenando la base de datos « %s »
aceptando conexiones
%s al final de la entrada
exit no puede usarse fuera de un bucle , a menos que tenga una etiqueta
asegúrese que la consulta retorna la lista exacta de columnas .
se dieron argumentos a un cursor sin argumentos
durante inicialización de variables locales en el bloque de sentencias
el registro « %s » no tiene un campo « %s »
la relación « %s » no contiene un tipo compuesto
- d datadir directorio de bases de datos
- r archivo enviar salida estándar y de error a archivo
« %s » no puede ser más alto que « %s »
« %s » no es una tabla tipada
« rn » no está soportado en la entrada
" timeout " no debe ser negativo
%u páginas de índice están actualmente eliminadas , de las cuales %u son actualmente reusables .
%s al final de la entrada jsonpath
%s ( %s ) falló para la dirección %s « %s » : %m
el valor - 1 desactiva esta característica .
alter table / drop expression se debe aplicar a las tablas hijas también
el verdadero tipo de retorno es %s .
edad a la cual vacuum debería recorrer una tabla completa para congelar ( freeze ) las filas .
la condición when del trigger before no puede hacer referencia a columnas new generadas
copy %s , línea %llu
el forzado de comillas de copy sólo está disponible en copy to
cube está limitado a 12 elementos
no se puede cambiar « client_encoding » ahora .
revise llamadas a « spi_finish » faltantes .
recolectar estadísticas sobre órdenes en ejecución .
recolectar estadísticas de tiempos en las operaciones de i / o del wal .
conexiones y autentificación / parámetros de conexión
conexiones y autentificación / ssl
la conversión entre %s y %s no está soportada .
no se pudo leer desde el archivo « %s » en la posición %d : %m .
no se pudo obtener la dirección ip del cliente a un nombre de host : %s .
dnsserviceregister ( ) falló : código de error %ld
opciones de desarrollador
el array de dimensiones debe ser unidimensional .
ecdh : nombre de curva no reconocida : %s
permitir la publicación del servidor vía bonjour .
permitir el uso de planes de recorrido de sólo - índice .
una excepción fue lanzada porque null_value_treatment es « raise_exception » .
filter no está implementado para funciones de ventana deslizante
se especificó filter , pero %s no es una función de agregación
full join sólo está soportado con condiciones que se pueden usar con merge join
la llamada a sistema fallida fue mapviewoffileex .
falla al crear un tipo de multirango para el tipo « %s » .
el campo requiere %d caracteres , pero sólo %d pudieron ser analizados .
se registrarán imágenes de página completa para todos los bloques de datos , y comparados con los resultados de la aplicación de wal .
la salida futura del registro aparecerá en el directorio « %s » .
geqo : número de iteraciones del algoritmo .
grant y revoke no están permitidos en lenguajes no confiables , porque sólo los superusuarios pueden usar lenguajes no confiables .
insert con una cláusula on conflict no puede usarse con una tabla que tiene reglas insert o update
sólo se permite into en el primer select de union / intersect / except
si más que este total de páginas y tuplas en la misma relación están bloqueadas por una conexión , esos locks son reemplazados por un lock a nivel de relación .
basura después de la llave derecha de cierre .
match partial no está implementada
maxvalue ( %lld ) está fuera de rango para el tipo de dato de la secuencia %s
merge no está soportado en consultas with
el largo del mensaje no coincide con el largo de entrada .
falta paréntesis o corchete izquierdo .
el multixactid %u ya no existe - - aparente problema por reciclaje
ningún operador coincide en el nombre y tipo de argumento . puede ser necesario agregar conversión explícita de tipos .
ningún procedimiento coincide en el nombre y tipos de argumentos . puede ser necesario agregar conversión explícita de tipos .
el oid %u no hace referencia a una tabla
uno de table o tables in schema debe ser especificado antes de un nombre de tabla o esquema .
falla de openssl
pid %d no es un proceso servidor de postgresql
los operadores postfix no están soportado
pre - cargar bloques referenciados durante la recuperación .
range con desplazamiento preceding / following requiere exactamente una columna order by
returning debe tener al menos una columna
la columna de row ( ) es de tipo %s en lugar de ser de tipo %s
las expresiones de select distinct on deben coincidir con las expresiones iniciales de order by
select distinct debe tener al menos una columna
set transaction isolation level no debe ser llamado en una subtransacción
una función sql con el cuerpo de la función fuera de comillas no puede tener argumentos polimórficos
no se pueden agregar ni eliminar esquemas de las publicaciones for all tables .
versión del servidor %d , versión de biblioteca %s .
defina la variable de ambiente lc_all a un valor válido de configuración regional ( « locale » ) .
define el nivel de sincronización de la transacción en curso .
define el máximo de resultados permitidos por búsquedas exactas con gin .
número máximo de conexiones concurrentes .
estimación del costo de procesar cada tupla ( fila ) .
« facility » de syslog que se usará cuando syslog esté habilitado .
muestra el largo máximo de identificadores .
muestra si hot standby está activo actualmente .
algunos de los tipos sólo soportan hashing , mientras que otros sólo soportan ordenamiento .
dividir mensajes enviados a syslog en líneas y que quepan en 1024 bytes .
transacciones en flujo comprometiendo después de %X / %X , leyendo wal desde %X / %X .
la cadena tiene comillas dobles sin cerrar .
los disparadores truncate for each row no están soportados
esto es , el tamaño total de caches ( cache del kernel y búfers compartidos ) usados por archivos de datos de postgresql . esto se mide en páginas de disco , que normalmente son de 8 kb cada una .
el array debe ser bidimensional y el largo del segundo eje igual a 2 .
la extensión debe primero ser instalada en el sistema donde postgresql está ejecutándose .
el slot de replicación de origen fue modificado incompatiblemente durante la operación de copia .
esto se aplica a columnas de tablas que no tienen un valor definido a través de alter table set statistics .
esta orden crearía un multixact con %u miembros , pero el espacio que queda sólo sirve para %u miembro .
esta operación no está soportada en tablas temporales .
las tablas foráneas no pueden tener tablas de transición .
la expresión using contiene una referencia a la fila completa ( whole - row ) .
elemento de array inesperado .
los escapes unicode deben ser \ xxxx o \ + xxxxxx .
use la cláusula collate para establecer el ordenamiento explícitamente .
los valores aceptables son « on » , « off » y « auto » .
los nombres de versión no deben empezar ni terminar con « - » .
los nombres de versión no deben contener « - - » .
las columnas de vistas que se refieren a columnas de sistema no son actualizables .
el nivel de wal no es suficiente para crear un punto de recuperación
within group es obligatorio para la función de agregación de conjuntos ordenados %s
cuando está activada , la seguridad de registros se aplicará a todos los usuarios .
registra el pid de postmaster en el archivo especificado .
necesita un regla incondicional on insert do instead con una cláusula returning .
una transacción serializable que no es de sólo lectura no puede importar un snapshot de una transacción de sólo lectura
el método de acceso « %s » no soporta índices multicolumna
no existe la función de agregación %s
las funciones de agregación no pueden retornar conjuntos
una función de agregación con distinct debe tener al menos un argumento
proceso de archivado
el argumento declarado %s no es un array sino de tipo %s
la lista de argumentos debe tener un número par de elementos
el argumento de %s debe ser un nombre de tipo
el argumento de la función de conversión debe coincidir o ser binario - convertible con el tipo de origen
los tipos de datos de array no son binario - compatibles
proceso ayudante « %s » : no se puede solicitar una conexión a base de datos si está iniciando en el momento de inicio de postmaster
la etiqueta de respaldo es demasiado larga ( máximo %d bytes )
no se puede hacer and entre valores inet de distintos tamaños
no se puede acceder al índice « %s » mientras está siendo reindexado
no se puede acceder a tablas temporales o « unlogged » durante la recuperación
no se puede adquirir candado en modo %s en objetos de la base de datos mientras la recuperación está en proceso
no se puede alterar la columna heredada « %s »
no se puede alterar la columna heredada « %s » de la relación « %s »
no se puede asignar al campo « %s » de la columna « %s » porque su tipo %s no es un tipo compuesto
no se puede adjuntar la tabla foránea « %s » como partición de la tabla particionada « %s »
no se puede cambiar la herencia de una tabla particionada
no se puede cambiar el tipo de rutina
no se puede crear una tabla temporal dentro una operación restringida por seguridad
no se puede crear un índice único en la tabla particionada « %s »
no se pueden eliminar columnas de una vista
no se puede eliminar la base de datos activa
no se puede usar returning en múltiples reglas
no se pueden tener múltiples subórdenes set access method
no se puede heredar de la tabla particionada « %s »
no se puede mover las relaciones de sistema , omitiendo todas
no se puede abrir consulta %s como cursor
no se puede refrescar la vista materializada « %s » concurrentemente
no se puede renombrar la restricción heredada « %s »
no se puede definir un subcampo a default
no se puede definir el parámetro « %s » dentro de una operación restringida por seguridad
no se pueden iniciar procesos ayudantes de replicación cuando max_replication_slots = 0
no se puede calcular la raíz cuadrada un de número negativo
no se puede actualizar la tabla « %s »
no se puede usar « eeee » dos veces
no se puede usar la columna generada « %s » en una expresión de generación de columna
la tabla hija « %s » tiene un ordenamiento ( collation ) diferente para la columna « %s »
el cliente envió proto_version = %d pero sólo soportamos el protocolo %d o superior
clientcert sólo puede ser configurado en líneas « hostssl »
cerrando el cursor « %s » preexistente
no existe el ordenamiento ( collation ) « %s » , omitiendo
el ordenamiento ( collation ) « %s » tiene una discordancia de versión
el ordenamiento « default » no puede copiarse
la columna « %s » no puede ser usado en estadísticas porque su tipo %s no tiene una clase de operadores por omisión para btree
la columna « %s » tiene conflicto de ordenamientos ( collation )
la columna « %s » está en la llave primaria
la columna « %s » es de tipo %s pero la expresión es de tipo %s
la columna « %s » de la tabla « %s » contiene valores null
el nombre de columna « %s » no es único
la notación de columna . %s fue aplicada al tipo %s , que no es un tipo compuesto
el « path » de filtro de columna no debe ser la cadena vacía
la función « combine » con tipo de transición %s no debe declararse strict
no se pueden crear índices para restricciones de exclusión de forma concurrente
las reglas do instead condicionales no están soportadas para sentencias que modifiquen datos en with
recursión de archivos de configuración en « %s »
cláusulas where en conflicto o redundantes para la tabla « %s »
el estado de recuperación consistente fue alcanzado en %X / %X
la restricción « %s » para la relación « %s » ya existe
la restricción « %s » no es postergable
una restricción declarada initially deferred debe ser deferrable
las restricciones en tablas temporales sólo pueden hacer referencia a tablas temporales
el archivo de control contiene un estado no válido del clúster
puntero de ítem corrupto : desplazamiento = %u , tamaño = %u
no se pudo enlazar a la dirección local « %s » : %m
no se pudo cerrar el archivo temporal de estadísticas « %s » : %m
no se pudo crear tubería para escuchar señales para el pid %d : código de error %lu
no se pudo crear el archivo temporal « %s » : %m
no se pudo determinar el tipo polimórfico porque la entrada es de tipo %s
no se pudo determinar qué ordenamiento ( collation ) usar para ilike
no se pudo lanzar el proceso ayudante : %m
no se pudo obtener el segmento de memoria compartida : %m
no se pudo implementar group by
no se pudo cargar dbghelp . dll , no se puede escribir el volcado de la caída
no se pudo abrir el archivo de variables de servidor « %s » : %s
no se pudo abrir el archivo temporal « %s » : %m
no se pudo interpretar el nombre de archivo « %s »
no se pudo borrar el archivo « %s » durante la eliminación de pg_replslot / %s / xid * : %m
no se pudo eliminar el segmento de memoria compartida « %s » : %m
no se pudo definir la versión mínima de protocolo ssl
no se pudo iniciar sesión de ldap tls : %s
no se pudo hacer stat al directorio « %s » : %m
tipo de dato « %s » es un dominio
el tipo de dato %s es un pseudo - tipo
la base de datos « %s » ha desaparecido de pg_database
base de datos con oid %u debe ser limpiada antes de que %d miembro más de multixact sea usado
fecha fuera de rango : %d - %02d - %02d
privilegios por omisión en nuevas relaciones pertenecientes al rol %s
privilegios por omisión en nuevas secuencias pertenecientes al rol %s en el esquema %s
no existe el valor por omisión para la columna « %s » de la relación « %s »
distancia en operador de frases debe ser un valor entero entre zero y %d inclusive
columna duplicada « %s » en lista de columnas de publicación
expresión duplicada en definición de estadísticas
effective_io_concurrency debe ser 0 en plataformas que no tienen posix_fadvise ( ) .
el cliente retornó una contraseña vacía
la codificación « %s » no coincide con la configuración regional « %s »
las estadísticas extendidas requieren al menos 2 columnas
el tipo de nodo extensible « %s » ya existe
los tipos de tamaño fijo deben tener almacenamiento plain
tabla foránea %s
la función %s debe retornar el tipo %s
no se permiten las operaciones « grouping » en condiciones where de copy from
no se permiten operaciones « grouping » en range de ventana deslizante
huge_page_size debe ser 0 en esta plataforma .
el índice « %s » no pertenece a la tabla « %s »
columna heredada « %s » tiene conflicto de generación
la función interna « %s » no está en la tabla interna de búsqueda
interval fuera de rango
array no válido para mapeo de espacio de nombres xml
especificación de borde no válida para partición de hash
byte no válido para codificación « %s » : 0x %02x
el tipo de mensaje de frontend %d no es válido
el carácter multibyte no es válido para esta configuración regional
valor de octeto no válido en valor « macaddr » : « %s »
la página no es válida en el bloque %u de la relación %s
el tipo de privilegio %s no es válido para una tabla
nombre de huso horario « %s » no válido
el tamaño interno de tipo %d no es válido
valor no válido para el parámetro « %s » : « %s »
parámetro « whence » no válido : %d
el array de lexemas no debe contener cadenas vacías
el archivo de bloqueo « %s » tiene un pid erróneo : %ld en lugar de %ld
durante la preparación , el flujo lógico requiere una función callback %s
no se permiten múltiples cláusulas initially immediate / deferred
no se permiten múltiples cláusulas limit
múltiples expresiones default
debe ser superusuario o rol de replicación para usar slots de replicación
debe ser superusuario leer archivos con adminpack 1 . 0 .
el nuevo registro para la vista « %s » viola la opción check
no se ha especificado un cuerpo para la función
no se ha especificado código
no hay coincidencia en el mapa « %s » para el usuario « %s » autentificado como « %s »
los ordenamientos no determinísticos no están soportados con este proveedor
no hay suficientes elementos en rwconflictpool para registrar un potencial conflicto read / write
solamente tablas , índices y vistas materializadas existen en tablespaces
op any / all ( array ) requiere un operador que entregue boolean
error %d de sistema operativo
falta la función de soporte %3$d para el tipo %4$s de la clase de operadores « %1$s » del método de acceso %2$s
faltan operadores entre tipos en la familia de operadores « %s » del método de acceso %s
la opción « %s » no puede ser especificada con otras opciones
no se reconoce la opción « %s »
el array de opciones no debe ser null
el parámetro « %s » no se puede cambiar sin reiniciar el servidor
debe especificarse el parámetro « locale »
la tabla particionada « %s » fue eliminada concurrentemente
el elemento de ruta en la posición %d no es un entero : « %s »
permiso denegado a la función %s
permiso denegado al parámetro %s
el valor de oid de pg_enum no se definió en modo de actualización binaria
transacción preparada con identificador « %s » no existe
el archivo de clave privada " %s " no se puede volver a cargar porque requiere una contraseña
el nombre de usuario entregado ( %s ) y el nombre de usuario autentificado ( %s ) no coinciden
no existe la publicación « %s » en el “ publisher ”
la función canónica %s del rango debe retornar tipo de rango
conflicto de recuperación en tablespace
la recuperación está en proceso
la referencia recursiva a la consulta « %s » no debe aparecer dentro de una subconsulta
redo listo en %X / %X utilización del sistema : %s
la expresión regular falló : %s
el origen de replicación con id %d ya está activo para el pid %d
el archivo de slot de replicación « %s » tiene número mágico erróneo : %u en lugar de %u
reseteando relaciones « unlogged » ( cleanup ) , transcurrido : %ld . %02d s , ruta actual : %s
el rol « %s » ya es un miembro del rol « %s »
las acciones de regla en new no están implementadas
las reglas en select deben tener una acción instead select
columna de búsqueda « %s » fue especificada más de una vez
setval : el valor %lld está fuera del rango de la secuencia « %s » ( %lld . . %lld )
infracción de uso compartido ( sharing violation )
algunos archivos inútiles pueden haber quedado en el directorio " %s "
el directorio de datos especificado « %s » no es un directorio
no existe el objeto de estadísticas « %s . %s » , omitiendo
no existe el objeto de estadísticas con oid %u
el número de función de soporte %d no es válido para el método de acceso %s
la tabla « %s » tiene %d columnas pero se especificaron %d
la ubicación del tablespace no debe estar dentro del directorio de datos
terminando la conexión debido a una falla en otro proceso servidor
terminando el proceso de replicación lógica debido a que se agotó el tiempo de espera
el sistema de bases de datos no está aceptando conexiones
timestamp fuera de rango : %d - %02d - %02d %d : %02d : %02g
no existe el tipo de elemento « %s »
se especificaron demasiados nombres de columna
basura sigue después de un literal numérico
la función de transformación debe ser una función normal
la función de transformación no debe ser volatile
el trigger « %s » impide a la tabla « %s » convertirse en hija de herencia
la función de trigger %u ha retornado un valor null
el largo máximo del archivo de estado de dos fases fue excedido
el modificador de tipo no puede tener order by
un modificador de tipo no está permitido para el tipo « %s »
debe cambiar el tipo a la columna heredada « %s » en las tablas hijas también
eof inesperado dentro de la palabra de tamaño del mensaje
portal sin nombre con parámetros : %s
opción de vacuum « %s » no reconocida
parámetro de encabezado ( headline ) no reconocido : « %s »
parámetro no reconocido « %s » en el archivo « %s »
modo de retorno de la función tabular no es reconocido : %d
mientras se hacía « vacuum » a la relación « %s . %s »
la ventana « %s » no existe
no se permiten funciones de ventana deslizante en expresiones default
no se permiten funciones de ventana deslizante en expresiones de llave de particionamiento
con una cláusula search o cycle , la referencia recursiva a la consulta with « %s » debe estar en el nivel superior de su select de la derecha
se encontró componente de largo cero en el parámetro « dynamic_library_path »
un identificador delimitado tiene largo cero
nota : los argumentos de pid no se permiten con - n , - n
t todos los procesos en esta terminal
- l , - - lohi muestra estadísticas detalladas de memoria baja y alta
- t , - - total muestra el total de ram + intercambio
%13lu %s intercambio libre
%13lu escrituras combinadas
usar - l sin - f no tiene sentido
búf
no se puede strdup ( ) el texto de personalidad
sección no compatible encontrada en la configuración - línea %d
nombres udp / tcp : [ puerto_local ] [ , [ host_remoto ] [ , [ puerto_remoto ] ] ]
tiempos de cpu
no se puede abrir el fichero de protocolo « %s » : %s
© 2007 trent waddington
memoria
[ - a | - g | - u ] [ pid | usuario ]
o : pstree - v
- h , - - html modo de salida en tablas html
- l , - - list listar bases de datos , luego salir
psql_editor_linenumber_args
\ dp [ patrón ] listar privilegios de acceso a tablas , vistas y secuencias
\ dx [ + ] [ patrón ] listar extensiones
\ echo [ - n ] [ string ] escribe la cadena en la salida estándar
\ endif termina el bloque condicional
\ p mostrar el contenido del búfer de consulta
numericlocale activa despliegue de carácter específico del lenguaje para
psql [ opciones ] . . . [ base - de - datos [ usuario ] ]
nulls no distintos
no se encontró ninguna publicación .
listado de disparadores por eventos
listado de relaciones particionadas
método
reglas :
de flujo
índice unlogged « %s . %s »
está conectado a la base de datos « %s » como el usuario « %s » a través del socket en « %s » port « %s » .
ahora está conectado a la base de datos « %s » con el usuario « %s » .
\ %s : falta el paréntesis derecho
\ pset : estilos de línea unicode de encabezado permitidos son single , double
cambia la definición de una regla
calcula un conjunto de registros
define un nuevo operador
define un nuevo lenguaje procedural
define una nueva suscripción
define privilegios de acceso
delimitador
destruye un savepoint previamente definido
restricción_de_dominio
nombreíndice
entero
tipoizq
nombre_de_tipo_de_multirango
funciónsalida
carga
psql es el terminal interactivo de postgresql .
nombrerelación
elimina una publicación
elimina una rutina
elimina una plantilla de búsqueda en texto
nombre_tabla_origen
deja de escuchar una notificación
modo_de_transacción
una versión posterior ya está instalada
cdrom con ubuntu 9 . 04 « jaunty jackalope »
ignorado
en el dispositivo « %s » y pulse intro
actualizaciones previas a la publicación
actualizaciones de seguridad de ubuntu 5 . 04
ubuntu 5 . 10 « breezy badger »
ubuntu 8 . 04 « hardy heron »
e - mail para informar de errores : < %s > .
orden incompleta
sobra \ antes de un espacio en blanco
%s nombre :
- q , - - quiet modo silencioso
contacte con el administrador .
%s : no se pudo reservar memoria , la entrada tcb %s no se eliminó .
%s : no se pudo leer el enlace simbólico %s : %s
%s : no se pudo eliminar %s : %s
%s : se produjo un fallo al conseguir la entrada para el uid %lu
%s : inténtelo más tarde
%s : no se pudo crear el usuario
%s : se produjo un fallo al reservar memoria : %s
%s : se produjo un fallo al eliminar %s
%s : línea %d : el grupo « %s » no existe
%s : no se elimina el directorio %s ( eliminaría el directorio personal del usuario %s )
%s : desbloquear la contraseña dejaría una cuenta sin contraseña .
por favor , use una combinación de letras mayúsculas , minúsculas y números .
número de intentos máximo excedido ( %u )
contraseña inactiva :
eliminando al usuario %s del grupo %s
incapaz de cambiar el directorio a « %s »
modo de uso : logout
aviso : grupo %s desconocido
ha modificado %s .
entrada del fichero shadow de grupos incorrecta
demasiado corta
usuario « %s » : el directorio « %s » no existe
imagen de 3d studio
vídeo avi
tipo de letra de adobe framemaker
archivo de descarga de amazonmp3
paquete de aplicación appimage
imagen de applix graphics
código fuente en c
documento djvu
referencia a repositorio de flatpak
archivo g - code
rom de game boy
archivo iff
imagen jpeg - 2000 jp2
parche en json
dibujo de killustrator
escena de kpovmodeler
presentación de kpresenter
macro m4
tono de llamada mpeg - 4
dibujo de macintosh quickdraw / pict
plantilla odp
galería de símbolos office open xml de visio
documento global de libreoffice writer
rom de pc engine
archivo pkcs # 7
imagen pnm
imagen ppm
diapositiva de powerpoint 2007
imagen rgb
archivo de especificaciones rpm
documento smil
imagen de disco de sega saturn
archivo shockwave flash
imagen en bruto arw de sony
tipo de letra de speedo
presentación de starimpress
archivador tar ( comprimido con gzip )
documento dvi de tex ( comprimido con gzip )
documento de texinfo
conjunto de wiiware
plantilla de documento de word 2007
hoja de estilos xslt
imagen svg comprimida
firma s / mime separada
lector de libros electrónicos
informe de entrega de correo
recopilación de mensajes
cada dos semanas
necesita autenticarse para activar o desactivar dns multidifusión .
necesita autenticarse para bloquear / desbloquear sesiones activas .
necesita autenticarse para apagar el sistema mientras todavía hay usuarios conectados .
necesita autenticarse para configurar el teclado del sistema .
obtener uuid del producto
reconfigurar interfaz de red
quitar un área home
establecer región del sistema
%s : no se puede renombrar a %s
%s : sólo se escribieron %lu de %lu byte
%s : no es un tiempo de expiración válido
discordancia en la etiqueta del archivo
al principio de la cinta , se terminará ahora
selección de dispositivo y opciones :
desactiva el soporte de contextos selinux
muestra los puntos de comprobación ejecutados y el estado de la salida de orden
la longitud de cabecera extendida %*s está fuera de rango
formato posix 1003 . 1 - 1988 ( ustar )
no se puede usar el patrón %s
punto de comprobación de escritura %u
aplica el umask del usuario cuando se extraen permisos del archivo ( predeterminado para usuarios normales )
excluye los directorios que contienen cachedir . tag
excluye los directorios de sistemas de control de versiones
argumentos que no son opciones en %s
los patrones encajan después de cualquier ` / ' ( por omisión para exclusión )
establece el estilo de cita de los nombres ; véanse más abajo los valores estilo válidos
especifica la unidad y la densidad
utiliza la orden rmt dada en vez de rmt
- - accept - regex = regex regex que encaja en las urls aceptadas
- - egd - file = fichero fichero que denomina el conector egd con datos aleatorios
- - https - only sigue sólo enlaces https seguros
- - metalink - index = número aplicación metalink / metalink4 + xml metaurl número ordinal
- - preferred - location localización preferida para los recursos metalink
del último componente de la url
- - wdebug saca salida de depuración watt - 32
- q , - - quiet silencioso ( sin texto de salida )
( probablemente )
%s ( %s ) - escritos a stdout %s [ %s / %s ]
%s : %s : %d : símbolo desconocido " %s "
%s : no se pudo resolver el enlace incompleto %s .
%s : error de sintaxis en %s en la línea %d .
%s : el signatario del certificado de %s no es una ac .
ya se tiene el enlace simbólico correcto %s - > %s
no se han podido convertir los enlaces en %s : %s
no se puede especificar al mismo tiempo ambos - - inet4 - only e - - inet6 - only .
no se puede des - enlazar %s ( %s ) .
conectando con [ %s ] : %d . . .
continuando en segundo plano , pid %lu .
desactivando ssl debido a los errores encontrados .
error : no se pudo abrir certificado %s : ( %d ) .
error analizando la url del proxy %s : %s
no se pudo descargar %s . omitiendo metaurl .
no se pudo poner el ( los ) servidor ( es ) dns ' %s ' ( %d )
no se pudo obtener el estado del fichero %s , error : %s
gnutls : no se puede establecer la cadena de la prioridad directamente . se vuelve a la prioridad predeterminada .
acepta / rechaza recursivamente :
se estaba intentando abrir el fichero %s pero ha cambiado desde la última comprobación . la comprobación de seguridad ha fallado .
no se puede especificar al mismo tiempo ambos - - body - data y - - body - file .
permitir tomar y loguearse al servidor windows
árabe ( numerales arábigos orientales , extensiones en el 4to nivel )
árabe ( macintosh )
avéstico
bereber ( marruecos , tifinagh fonético extendido )
bloq mayús cambia mayús de forma que todas las teclas están afectadas
checo ( codificador )
checo ( con tecla « \ | » )
inglés ( dvorak )
inglés ( mali , macintosh de ee . uu . )
tecla de cuarto nivel con punto , restricción latin - 9
francés ( bepo )
friulano ( italia )
pc genérico 102 teclas
pc genérico 104 teclas
alemán ( neo , qwertz )
alemán ( acento muerto )
portátil hewlett - packard mini 110
húngaro ( 101 / qwerty / coma / teclas muertas )
alt izquierdo
lituano ( lekp )
logitech itouch cordless ( modelo y - rb6 )
hacer del ctrl derecho una tecla hangul
mongol ( manchu )
lapón del norte ( noruega )
persa ( con teclado numérico persa )
polaco ( colemak )
polaco ( dvorak )
alt derecho elige el 5º nivel , y actúa como bloqueo de una sola vez al pulsarse junto con otro selector de 5º nivel
shuswap
serbio ( latino )
eslovaco ( distribución acc , sólo teclas con tilde )
tecla windows + espaciadora
- - delta [ = opciones ] filtro delta ; opciones ( valores válidos ; por defecto ) :
cadena de filtros para compresión ( alternativa a valores predefinidos ) :
%s : es un enlace simbólico , se salta
color asumido de primer plano de la terminal
no se puede crear ' %s ' : %s .
no se pueden obtener los parámetros de vbi actuales de %s ( %s ) : %s .
exportar la página actual como xpm
cadena de opción incorrecta " %s " .
interfaz del controlador v4l no compilado .
