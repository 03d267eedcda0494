fallo de autenticación
éxito
¡ bienvenido a su nueva cuenta !
tiene correo en la carpeta %s .
error al iniciar pam
se necesita un tipo de búsqueda , p . ej . , nombre
se necesita reiniciar una aplicación debido a :
necesita autenticarse para vaciar el mensaje de actualizaciones en modo sin conexión
categoría
comprobando bibliotecas en uso
limpiar el mensaje de actualización en modo desconectado
instrucción errónea
desactivado
descargando paquetes
instalando archivos
¿ quiere continuar con las modificaciones ?
solicitando datos
la transacción es errónea
introduzca el nombre de un grupo a eliminar :
no hay un uid disponible en el rango %d - %d ( first_sys_uid - last_sys_uid ) .
no se permiten opciones después de los nombres .
esto generalmente no es necesario y puede hacer que todo el sistema quede inestable
combinación de opciones inválida
personajes animados en conflictos agresivos
idiomas
bloques
juegos de rol
considere utilizar un url seguro ( https ) para el enlace del icono remoto .
restos mortales humanos expuestos a los elementos
representación gráfica o referencias a la profanación histórica
activar perfilado
fallo al componer los metadatos de appstream
representación gráfica de profanación de cuerpos humanos
violencia gráfica con personajes animados
grupo
el kernel %s %s es compatible .
no existe el archivo de metainformación « %s » .
sin referencias a drogas ilegales
este software no admite ningún elemento .
teclado físico encontrado .
procesando directorio :
grupo de proyecto
adolescentes
el componente es un addon , pero no se ha especificado la etiqueta ` extends ` .
al componente le falta una descripción detallada . los componentes de este tipo deben tener una descripción detallada .
la parte del dominio del identificador del componente rdns ( las dos primeras partes ) sólo debe contener caracteres en minúsculas .
el archivo metainfo especifica múltiples componentes . esto no está permitido .
las versiones no están ordenadas de la más reciente a la más antigua . esto es necesario ya que algunas herramientas asumen que la última versión está siempre en la parte superior . la ordenación de las versiones también aumenta la legibilidad general del archivo metainfo .
el título de la captura de pantalla es demasiado largo ( debería ser < = 100 caracteres )
el valor de la etiqueta establecida no es válido para una relación ` internet ` .
la etiqueta ` mimetypes ` de nivel superior está obsoleta . por favor , utilice las etiquetas ` mediatype ` en un bloque ` provides ` para indicar que su software proporciona un manejador de medios para los tipos dados .
esta orden toma los argumentos posicionales y opcionales tipo y archivo ; este último es un archivo donde escribir ( o « - » para emitir salida estándar ) .
este elemento de relación ya ha sido definido una vez para este o un tipo de relación diferente . por favor , no redefina las relaciones .
¡ no se ha podido encontrar el componente del sistema operativo ' %s ' !
uso de drogas ilegales
desconocido
%s ( por %s )
- - force - yes está desactualizado , en su lugar utilice una de las opciones que empiezan por - - allow .
el fichero firmado en claro no es válido , « %s » obtenido ( ¿ la red requiere autenticación ? )
descarga el paquete binario al directorio actual
no se pudieron obtener algunos archivos .
sigue las selecciones de dselect
el paquete « %s » no está instalado , no se eliminará
se instalaron versiones anteriores de algunos paquetes y se utilizó - y sin - - allow - downgrades .
descarga nuevas listas de paquetes
fallo temporal al resolver « %s »
versiones diferentes totales :
se especificó « trivial only » pero esta no es una operación trivial .
medios desmontables como orígenes de paquetes a apt . el punto de montaje y la
uso : apt - config [ opciones ] orden
el fichero « %s » cambió , ejecute « apt - get update » .
detecta el proxy usando apt . conf
enlace seleccionado
malo
el mejor
casilla de verificación
marco de documento
componente incrustado
entrada
pie
mapa de imagen
lista de pestañas de página
tabla de árbol
falló la exploración del tipo de servicio %s en el dominio %s : %s
examinando …
registro no válido
resolver el nombre del equipo del servicio seleccionado de manera automática antes de la devolución
vacío
%s : no se puede convertir la matriz indexada en asociativa
%s : la orden interna dinámica ya está cargada
%s : parámetro no establecido
%s : variable sin asignar
abortando . . .
historia . primero y último pueden ser números que especifican el rango ,
muestra los tiempos de proceso .
devuelve el estado de salida de la orden o éxito si la orden es nula .
una lista de elementos . si ` in palabras . . . ; ' no está presente ,
ejecuta órdenes de un fichero en el shell actual .
termina un shell de entrada .
error si no se ejecuta en un shell de entrada .
¡ no tengo nombre de usuario !
mueve el trabajo al primer plano .
detenido ( %s )
` %c ' : carácter de formato inválido
` %s ' : falta el carácter de formato
` %s ' : no es un pid o una especificación válida de trabajo
` ) ' esperado
se esperaba ` ) ' , se encontró %s
expansión de llaves : no se puede asignar memoria a %s
disown [ - h ] [ - ar ] [ idtrabajo . . . | pid . . . ]
history [ - c ] [ - d despl ] [ n ] o history - anrw [ fichero ] o history - ps arg [ arg . . . ]
base aritmética inválida
número inválido
kill [ - s id_señal | - n num_señal | - id_señal ] pid | idtrabajo . . . o kill - l [ id_señal ]
setlocale : %s : no se puede cambiar el local ( %s ) : %s
manejador de capturas : se ha excedido el nivel máximo de manejadores de capturas ( %d )
eof inesperado mientras se buscaba ` ] ] '
tabla ordinal
no - tls : %A
vma : pista / ord nombre - miembro unido - a
nombre dll : %.*s
error : sección %s contiene los datos depurados iniciando en dirección pero es demasiado pequeño
código de completado : %u
máscara ver : 0x %08x
img compartbl : 0x %08x 0x %08x
[ distribuyendo símbolos precede a otros ]
segmento de símbolos globales : vbn : %u , registros : %u
hora enlazado : %s
%B ( %A + %#Lx ) : no puede manipular %s para %s
%B ( %A + %#x ) : error : carga múltiple detectada en bloque it no última instrucción : stm32l4xx no puede ser generada .
%B : %#Lx : fatal : desbordamiento de reubicación durante la relajación
%B : %#Lx : fatal : reubicación %s no alineada %#Lx
%B : %s accedidos ambos como común e hilo simbólico local
%B : sección gnu_mbin « %A » tiene campo sh_info inválido : %d
%B : el objetivo ( %s ) de una reubicación %s está en la sección equivocada ( %A )
%B : objeto compartido xcoff cuando no se produce salida xcoff
%B : se accedió « %s » como un símbolo fdpic y un símbolo local de hilo
%B : contador simbólico corrupto : %#Lx
%B : símbolo oculto « %s » no está definido
%B : el símbolo interno « %s » en %B está referenciado por dso
%B : número reubicante moxie no válido : %d
%B : se enlazan ficheros big - endian con ficheros little - endian
%B : se enlazan ficheros de gp constante con ficheros con gp no constante
%B : se enlazan ficheros compilados para hcs12 , con otros compilados para hc12
%B : no se puede llenar datadictionary [ 1 ] porque falta . idata $ 4
%B : no se puede llenar datadictionary [ 9 ] porque falta __tls_used
%B : tipo de reubicación no admitida : alpha_r_gprelhigh
%B : aviso : adición plt de %Ld a « %s » desde sección %A ignorada
%B : aviso : alineamiento de segmento de %#Lx es demasiado grande
%B : no resolverá reubicación tls en tiempo de ejecución
%F %P : fallado al crear sección plt . eh_frame
%H : optimización toc no está admitida para instrucción %s .
%P %X : no se pueden leer símbolos : %E
%P : %B : tipo de reubicación %d desconocida para el símbolo %s
%P : dw_eh_pe_datarel sin especificar para esta arquitectura .
%s : versión sin definir : %s
, ext comp despl : %u , no_opt desp psect : %u
: instrucciones m32r2
< tipo directivo desconocido : %d >
reubica @ pltoff contra símb . local
dst__k_set_linum_incr no implementado
se llamó a %s que es obsoleto en %s línea %d en %s
error enano : atributo dw_at_comp_dir encontrado con un formato no encadenado .
error enano : contador de datos ( %Lx ) más grande que tamaño de búfer .
error enano : se encontró el tamaño de dirección « %u » , este lector no puede manipular tamaños más grandes que ' %u ' .
exportar directorio [ . edata ( o donde quiera que se encuentre ) ]
no se reconoce el formato del fichero
idc - revisor de consistencia de identación
opr_insv ( insertar campo )
quitando sección « %A » no utilizada en el fichero « %B »
stc_boh_ps ( almacena boh cond en psect + despl )
sto_immr ( almacena inmediato repetido ) %u bytes
sto_w ( almacena word )
symg - definición de símbolo universal
la sección no tiene contenido
un símbolo requiere de una sección de depuración , la cual no existe
símbolo desconocido en la orden %s
aviso : %B emplea %s ( establecido por %B ) , %B emplea %s
bfd_mach_o_read_symtab_symbols : no se puede reservar memoria para símbolos
no se puede leer eiha
no se puede leer el encabezado del registro gst
error : %B necesita alineación de 8 - byte pero %B está establecido para alineamiento de 4 - byte
error : %B : arquitecturas de cpu en conflicto %d / %d
error : reubicación ifc fallada .
error : valor de tag_abi_array_object_align_expected desconocido en %B
fallaba al crear ex9 . it %s asiento de tabla hash
símbolo oculto
error interno : rama / omisión a una dirección par detectada
opciones privadas = %lx :
valor de encabezado de orden de byte %#x desconocido
arquitectura v850e
aviso : se llama al símbolo %s que no es función , definido en %B
códigos de operación :
no se puede obtener el contenido de la sección ' %s ' .
fichero : %s
- - no - export - all - symbols sólo exporta los símbolos enlistados
tamaño inválido
última fecha de parche : %.17s
versión de módulo : %s
- - dlltool - name < dlltool > por defecto es " dlltool "
- - verbose , - v con detalle
- v - - verbose detalle - dice lo que está haciendo
versión abi : %d
avanza el pc por la cantidad de tamaño fijo %s a 0x %s
datos : %s
[ - x64 ] - descarta los objetos de 32 bit
[ nr ] nombre tipo direc desp tam es opt en inf al
[ v ] - muestra el número de versión
fichs import nbr : %u
símbolos nbr : %d
muestra las cadenas imprimibles en [ fichero ( s ) ] ( por defecto entrada estándar )
desplaz info tipo val . símbolo nombre símbolo + adend
- t - - header - file = < fichero > lee el < fichero > para la información del encabezado nlm
órdenes :
número de anclas ctl : %u
%s no es un archivo válido
%s : %s : dirección fuera de los límites
%s : no es un fichero elf - tiene los bytes mágicos erróneos en el inicio
%s no se encontró un encabezado de archivo válido
%s : %d : falta el nombre del símbolo nuevo
( se definió en la implementación : %s )
, < desconocido >
complemento a 2 , big endian
< corrupto : %9ld >
< no hay sección . debug_str >
exportaciones agregadas al fichero de salida
falta la información auxiliar de la definición del agregado
contenido de la sección %s :
tipo derivado
se borra el fichero def temporal %s
aún no se admite el mostrar el contenido de depuración de la sección %s .
tabla de excepción :
el fichero %s no es un archivo por lo cual no se puede mostrar su índice .
el fichero contiene múltiples tablas dinámicas de símbolos
inicial
el fichero de entrada ` %s ' descarta el parámeto binario de arquitectura .
none ( ninguno )
nt_auxv ( vector auxiliar )
nt_win32pstatus ( estructura win32_pstatus )
no hay desenredo para " %s "
no es un fichero elf - tiene los bytes mágicos erróneos en el inicio
el fichero de salida no puede representar a la arquitectura ` %s '
info de símbolo
se salta la reubicación inesperada en el desplazamiento 0x %lx
se succiona la información de la sección %s en %s
encabezado trunco en la sección %s .
no se puede buscar a 0x %lx para %s
tipo inesperado en la lista de argumentos de desenredo v3
modo de empleo %s < opcion ( es ) > < fichero ( s ) - objeto >
grabación misc errónea
no se puede establecer el contenido de la sección de depuración
copia de ` %s ' [ %s ] a ` %s ' [ %s ]
debug_find_named_type : no hay una unidad de compilación actual
debug_make_undefined_type : no se admite el género
debug_record_function : no hay una llamada debug_set_filename
debug_record_line : no hay una unidad actual
debug_start_source : no hay una llamada debug_set_filename
debug_write_type : se encontró un tipo ilegal
no se puede establecer la alineación
longitud de cadena mínima %d inválida
se especificó un valor inválido para el pragma code_page .
crea sección
encabezado de menuex
el parámetro de referencia no es un puntero
referencia de estructura a struct unknown
no se puede aplicar el tipo de reubicación no admitido %d a la sección %s
variable sin definir en atn
fin inesperado de la información de depuración
información de versión de versión fija %lu inesperada
longitud de la información de versión fija %ld inesperada
cadena1 = cadena2 las cadenas son iguales
ayuda en línea sobre %s : < %s >
un simple - implica - i . si no hay orden , muestra el entorno resultante .
e para usar la representación alternativa del local si está disponible , o bien
formato controla la salida . las secuencias que se interpretan son :
cambia al grupo de login si se indica implícitamente con ' : ' después del
tiene efecto la última .
rango , o muchos rangos separados por comas . la entrada seleccionada se escribe
para más use ficheros temporales
- - reference = fich_r utiliza el contexto de seguridad de fich_r en lugar
- - max - depth = 0 es lo mismo que - - summarize
de intentar abrirlo ( compárese con - - force ) .
establece el ancho de página siempre en ancho_página
- b , - - bytes cuenta bytes en vez de columnas
- c , - - crown - margin mantiene la sangría en las dos primeras líneas
al contrario que con - t , plantilla puede contener barras ,
- r , - - role = rol establece rol en el contexto de seguridad objetivo
contribuyen a la carga del sistema .
dsync utiliza e / s sincronizada para los datos
noctty no asigna una terminal controladora del fichero
no se puede usar %s , aparentemente tiene un tamaño negativo
%s : fallo en ` fstat '
%s : señal inválida
%s : no se muestra el directorio ya mostrado
- - context ( - z ) solamente funciona con núcleos que tengan selinux / smack activado
- ot no acepta - l
< interno >
acceso : ( %04a / %10.10A ) uid : ( %5u / % 8u ) gid : ( %5g / %8G )
crea los directorio ( s ) , si no existen ya .
expresión regular inválida
extrae las partes seleccionadas de cada fichero en la salida estándar :
( o \ ( desemparejado
modo de empleo : %s [ opción ] . . . [ nombre ] . . .
modo de empleo : %s [ opción ] . . . [ + formato ]
modo de empleo : %s [ opción ] . . . [ fichero ]
o bien : %s - i in - su [ opción ] . . .
modo de empleo : %s [ opción ] . . . [ entrada ] . . . ( sin - g )
formatos válidos para sistemas de ficheros :
esto quiere decir seguramente que el sistema de ficheros está corrupto .
^ no hay ninguna coincidencia para la clave
no se puede combinar lcase y ucase
crea el enlace duro %s a %s
no se puede obtener el gid real
no se puede mostrar el contexto de seguridad cuando se especifica usuario
cambiado el propietario de %s de %s a %s
no se pudo crear el proceso para %s - d
división por cero
error al leer %s
fallo al convertir alguno de los números de entrada
fallo al obtener los grupos suplementarios
fallo al restaurar el contexto de creación de fichero predeterminado
el formato %s tiene demasiadas directivas %%
se descarta el valor inválido de la variable de entorno quoting_style : %s
número inválido después de ' - '
opción ; utilice - w n en su lugar
precisión inválida : %s
fichero migrado sin datos
falta el carácter de clase de equivalencia ' [ = = ] '
se han especificado varios ficheros de salida
se han especificado varios tipos
el valor de comienzo del sufijo numérico es demasiado grande para la longitud del sufijo
la opción - - zero no está permitida en el formato predeterminado
skip - bytes + read - bytes es demasiado grande
por favor comuníqueselo a %s
operando no reconocido %s
atención : ancho %lu inválido ; se usará %d en su lugar
con - - parents , el destino debe ser un directorio
- - normal produce un diff normal ( predeterminado )
estas opciones de formato proporcionan un control preciso sobre el resultado
%s %s son distintos : el byte %s , en la línea %s es %3o %s %3o %s
- i , - - ignore - matching - lines = expr - reg descarta las líneas que coincidan con expr - reg
- q , - - brief indica sólo si los ficheros son diferentes o no
subdirectorios comunes : %s y %s
opciones de tamaño de tab conflictivas
opciones de ancho conflictivas
ed : edita y usa ambas versiones , cada una decorada con una cabecera .
er ó e2 : edita y usa la versión derecha .
tamaño de tab inválido ' %s '
la versión nueva es %s
%s no es un nivel de compresión
« offset » sin « count » no tiene efecto
el formato « 3 . 0 ( custom ) » se usa sólo para crear paquetes fuente
línea incorrecta en el fichero de sustitución de variables « %s » en la línea %d
la información de control del paquete « %s » es inválida
bzr cerró con un estado distinto de cero
no se puede cambiar la marca de tiempo de « %s »
la continuación de la línea del valor no está el campo
entrada de sustitución ( « override » ) de fuente inválida en la línea %d ( %d campos )
fuentes modificadas por
no se pudo comprobar la existencia de « %s »
no se ha podido abrir el fichero de información de bibliotecas compartidas « %s »
el destino de los datos desempaquetados ya existe : %s
use el formato « 3 . 0 ( quilt ) » para que los cambios a los ficheros originales ocurran por separado y de forma documentada , consulte dpkg - source ( 1 )
%7jd bytes , %5d líneas %c %-20.127s %.127s
%s dañado : %s
- - %s necesita < nombre >
- - %s toma un parámetro < archname >
- - split necesita un nombre de fichero fuente como parámetro
< enlace > es el enlace simbólico que apunta a %s / < nombre > .
< prioridad > es un valor entero , las opciones con el valor más alto tienen más
al usuario seleccionar la que quiere utilizar .
herramienta de división / unión de debian ` %s ' ; versión %s .
desinstalado %s .
se actualizó la información sobre %d paquete .
procesando disparadores para %s ( %s ) . . .
omitiendo el paquete no seleccionado %s .
desempaquetando %s ( %s ) sobre ( %s ) . . .
el archivo ' %s ' no es un fichero normal
separación de la parte del archivo
no se añadir el miembro del fichero ar ( %s ) a ` %s ' : ` %s '
no se puede abrir ` %.255s ' ( en ` %.255s ' )
no se puede definir el contexto de seguridad para el fichero objeto ' %s '
considerando desinstalar %s en favor de %s . . .
el archivo de control contiene %c
la época en la versión es demasiado grande
error al comprobar ` %s '
fallo al crear directorio
fallo al efectuar ` fstat ' sobre el fichero de desvíos
el nombre del campo ` %.*s ' debe estar seguido por dos puntos
carácter inválido en el número de revisión
múltiples « conflicts » y « replaces »
no existe una redefinición
no hay nada tras los dos puntos en el número de versión
el conffile antiguo ` %.250s ' era un directorio vacío ( y ahora se ha eliminado )
la arquitectura del paquete ( %s ) no corresponde con la del sistema ( %s )
extracción de los valores de los campos del paquete
el paquete tiene estado %s pero los disparadores están pendientes
nombre de paquete
el fichero fuente ` %.250s ' no es un fichero normal
no se puede cerrar el nuevo fichero ' %.250s '
no se puede crear el fichero ' %s '
no se puede desbloquear %s
[ %6tx ] terminator cero
%#06x : nombre : %s banderas : %s versión : %hu
%#06x : principal %d : %s
%s %s differ : tabla de símbolos [ %zu , %zu ]
%s %s differ : cantidad desigual de secciones importantes
' %s ' es no un dso o pie
miembro de archivo contiene ' %s ' :
borrar archivos de un archivo
desplazar ficheros en archivo .
no se ha encontrado una tabla simbólica
no se puede asignar espacio para los datos : %s
no puede copiar encabezamiento de programa : %s
falló al crear la tabla de dispersión
no se pueden hallar módulos de kernel
no se puede crear descriptor elf : %s
no se puede obtener un conteo de sección en ' %s ' : %s
no puede obtener encabezamiento de sección de sección zeroth
no se puede actualizar encabezamiento de sección : %s
no coinciden los datos / scn
el descriptor no es de un archivo
duplicar símbolo
descriptor de archivo inhabilitada
acceso inválido
parámetro inválido
versión inválida
más de una entrada tls en encabezamiento de programa
no hay valor de dirección
sección [ %2d ] ' %s ' tiene tipo errado : %s esperado , es %s
sección [ %2d ] ' %s ' se refiere en sh_link a la sección [ %2d ] ' %s ' la cual no es una tabla de símbolos dinámicos
sección [ %2d ] ' %s ' : entrada auxiliar %d de entrada %d tiene nombre duplicado ' %s '
sección [ %2d ] ' %s ' : más de una definición de base
sección [ %2d ] ' %s ' : sh_info no es cero
sección [ %2d ] ' %s ' : símbolo %d : símbolo local con versión
sección [ %2zu ] ' %s ' : referencia de sección inválida en valor de enlace
codificación de caracteres desconocida
razón de compresión %4.2f %% ( más alto significa mejor )
la base de datos de locate %s parece una base de datos de slocate pero tiene nivel de seguridad %c , que no está actualmente soportado por gnu findutils
atención : directiva de formato ` %% %c ' no reconocida
opciones d30v :
- mmemparm selecciona parámetros de memoria
que violan las restricciones
instrucciones quizá violan restricciones
- v versión sunplus publicada
- mregnames permite nombres simbólicos para los registros
comprime secciones de depuración dwarf empleando zlib
- - disp - size - default - 32 el desplazamiento de ramificación de tamaño desconocido es de 32 bits
- - sectname - subst activa secuencias sustitutivas de nombre seccional
- ip sinónimo para - ignore - parallel - conflicts
- f omite espacios en blanco y comentarios de preprocesamiento
- mn - no inserta varias nop tras interrupciones ( predet . )
- march = ms2 permite instrucciones ms2
- msyntax = [ att | intel ] usa sintaxis at & t / intel
- no - ignore - parallel - conflicts revisa cuando hay instrucciones paralelas
opciones de la línea de mandatos específicas de meta :
%s fuera de límite %d a %d en operando %d - - « %s »
%s reducido a %s
' lsl ' o ' asr ' requerido
( pc ) + impredecible
- - no - mix desactiva el código shmedia en la misma sección que
- - expand - pt32 con - abi = 64 , expande las instrucciones pt , pta y ptb
- 32 crea ficheros objeto de 32 bits
no se admite la opción - r en este objetivo .
- tso usa el ordenamiento de almacenamiento total
- march = %s no es compatible con la abi seleccionada
- mdsp genera instrucciones dsp
- mips16 no se puede usar con - micromips
- mno - dword marca el fichero generado para usar una alineamiento de pila de 4 - bytes
. exit debe aparecer dentro de un procedimiento
ausente el lenguaje y la versión en la directiva . compiler
la cuenta de . field ' %d ' está fuera de límite ( 1 ≤ x ≤ 32 )
. loc antes de . file
se utiliza el pseudo - operador . size fuera de . def / . endef ; se descarta
se utiliza el pseudo - operador . tag fuera de . def / . endef ; descartado .
se utiliza el pseudo - operador . val fuera de . def / . endef ; se descarta
esperado registro simd de 32 bit escalar o coma flotante a precisión simple
: esperaba nombre de registrado pc
< ver > ensambla para la eabi versión < ver >
alineación demasiado grande : se asume %d
operando equivocado para una instrucción load < %s >
número grande demasiado grande para long
no se pueden usar ramificaciones long en esta arquitectura
se esperaba un operando antes de ' , ' ; se obtuvo nada
se encontró ' { ' cuando ya estaba agrupado .
se encontró ' { ' cuando la agrupación manual ya está activada
se descartan los atributos seccional cambiados para %s
operandos ilegales ( espacios en blanco ) : « %s »
el valor inmediato no está en el límite de 8 bit : %ld
se encontró un ciclo infinito al intentar computar las direcciones de los símbolos en la sección %s
instrucción %s no admitida dentro de la línea base .
la instrucción « %s » requiere una versión de cpu lp
la instrucción se debe ejecutar en paralelo con otra instrucción .
invalida opción no reconocida - - elf - stt - common « %s »
identificador copr inválido
condición de comparación y ramificación inválida
directiva no válida
instrucción %s no válida
registro inválido para post / pre incremento .
reubicación no válida
mdrd validado debe estar entre 1 y 9
maverick mvax como registro esperado
ausente ) en ra ( rb )
ausente . endp tras . proc previo
ausente . procend
ausente nombre simbólico en la directiva
no hay . entry para este . exit
operando %d de . %s debe ser un registro preservado
operando fuera del límite de 16 - bit : ` %ld ' .
la opción - b es obsoleta , por favor utilice - mbig
s incluye símbolos
. save previo está incompleto
las variantes de procesador son :
se esperaba un predicado calificador
el registro no es válido para h8 / 300
el símbolo de registro %s ya estaba definido .
la relajación nunca debe ocurrir
desubicaciones long
opciones sparc :
s ^ # tal vez sea solamente para acceso de lectura
un ` # ' solo es ilegal
el procesador objetivo no admite esta instrucción .
se usa el formato de fichero de 64 bit sin instrucciones esame .
operando no alineado . requiere ser alineado a 32bit
paréntesis sin balancear en operando %d
carácter inesperado ' %c ' antes de operando %d para %s .
no reconocido el código de condición « %s »
no reconocida la instrucción paralela « %s »
no reconocido el tipo de relación de predicado
no reconocida la marca de struct / union « %s »
no reconocida la función simbólica de sustitución
no se admite el uso de sp
el uso de pc aquí es obsoleto
valor %ld demasiado largo para ramificación pc - relativa de 9 - bit .
valorar para entry_sr debe ser 3
desplazamiento equivocado %d
número equivocado de operandos de salida
« %s » no puede ser igualdad al símbolo común « %s »
utilizó ` fp = 32 ' con un abi de 64 - bit
sólo se permiten cuando mucho %d operandos inmediatos
¿ se intentó hacer . org / . space hacia atrás ? ( %ld )
se intentó obtener el valor del símbolo sin resolver « %s »
llamada equivocada a md_atof
valor inmediato equivocado para el desplazamiento de 8 - bit ( %ld )
equivocación de predicado « %s »
tipo equivocado para el registro
objetivo - bfd = %s
bra o bsr con símbolo indefinido .
ramificación a un símbolo dentro de otro modo isa
no se puede cerrar %s : %s
no se puede manipular la expresión
no se puede redefinir el tipo para operando
no puede representar tipo %s reubicable
no se puede emitir la reubicación %s contra el símbolo subsy %s
no se puede establecer literal_prefix dentro de un fragmento literal
la condición sa no se puede usar aquí
registro destino deberían ser numerados pares
la desubicación del símbolo indefinido %s desborda el campo de 12 - bit
no avisa del uso de una opción obsoleta
especificador de bit psr duplicado
listado de registro vectorial vacío
final de fichero no está al final de una línea : se insertó línea nueva
final de listado de registro vectorial no encontrado
se esperaba una coma
se esperaba una expresión
esperaba primer argumento de %s para estar dentro del rango 1 - 4
índice esperado
esperando %c cerca de %s
esperando rama instruccional válida tras « bnd »
instrucción extendida en una rama de ranura de retardo
se descarta los elementos extra en la línea
fallado al obtener subsecciones por símbolos
el campo fx_size es demasiado pequeño para contener %d
el nombre de fichero sobrepasa el límite de una página
no se ‘ movi’eron todas las composturas de %s
fr_var %lu < longitud %d
la pista en la unidad b se puede tratar como nop
se esperaba un registro de control iwmmxt
se descartan los operandos : %s
el inmediato tiene bits definidos fuera del tamaño de operando
se inserta « %s » en la distribución de de dispersión de marcas : %s
la instrucción no acepta este modo de direccionamiento
esperado registro 64 - bit entero
error interno : equivocación del id propietaria de fichero %d
interno : código operacional risc - v equivocado ( varios bit 0x %lx indefinidos ) : %s %s
interno : código operacional mips equivocado ( varios bit 0x %08lx definidos ) : %s %s
caracteres inválidos en la entrada
condición no válida
invalida registro destino
posición de campo inmediato no válida
tamaño inmediato inválido
tamaño de índice inválido para coldfire
tamaño de registro indirecto inválido
instrucción no válida para esta arquitectura ; necesita
operando inválido , no es un múltiplo de 32 : %d
operandos inválidos para %s
rotación no válida
invalida operador desplazado
sintaxis no válida . reg para directiva
se requiere un salto largo
se esperaba registro bajo ( r0 - r15 ) , no ' %.100s '
instrucción macro expandida en instrucciones múltiples
instrucción macro expandida en instrucciones múltiples en una ranura de retraso de ramificación
llamada argumental ausente
ausente el código de condición en la directiva de control estructurada
ausente el nombre fpu « %s »
literales múltiples en la expansión
next externo al bucle estructurado
no se compiló el soporte para x86_64 de 32bit
no se dio un sufijo mnemónico de instrucción y ningún operando de registro ; no se puede determinar el tamaño de la instrucción
no hay un número de secuencia tras ! %s
no hay un sfr en esta arquitectura
no hay una instrucción 16 bit « %s »
operando no es un inmediato
operando debe ser un múltiplo de 2
la opción ` - a %s ' es obsoleta : use ` - %s '
se requirió una rutina personality antes de la directiva . handlerdata
se esperaba un registro , no ' %.100s '
listado de registro debe ser de la misma unidad
la lista de registros no está en orden ascendente
requerido nombre o número de registro desde 0 a 31
el número de registro %u no se admite en esta arquitectura
la abi actual no admite la reubicación %s
ramificación corta con desplazamiento cero : utilice : w
debe tener 1 o 2 operandos
operando de origen debe ser una dirección absoluta de 16bit
la asignación de espacio es demasiado compleja en la sección común
utilización de swp { b } es obsoleto para armv6 y armv7
desbordamiento de tamaño simbólico computacional
símbolo fuera muy lejos
no se admite símbolo + desplazamiento para got tls
error sintáctico ; ausente ' ) ' tras registro base
muy pocos operandos
¿ tipo %d de reubicación hecha ?
¿ incapaz de empaquetar %s por sí mismo ?
etiqueta local indefinida « %s »
desconoce reubicación de grupo
tipo seccional inválido o desconocido ' %s '
no reconocido el tipo seccional « %s »
expresión sin resolver que se debe resolver
emplea - march = armv3
emplea - mcpu = arm720
emplea - mcpu = strongarm110
aviso : el símbolo %s no tiene csect
los sufijos de anchura son inválidos en modo arm
no se pudo buscar el flujo : %s
no se pudo asignar memoria para cargar el archivo png
error al leer la imagen icns : %s
la cabecera de la imagen está corrupta
jpeg y - dpi debe ser un valor entre 1 y 65535 ; el valor « %s » no está permitido .
no se ha encontrado la cabecera xpm
el archivo pnm tiene una altura no válida
final no esperado de los datos de la imagen pnm
mostrar la traducción a idioma nativo de un mensaje textual .
- - sentence - end = tipo tipo que describe el fin de instrucción
- - sort - output genera una salida ordenada
- - use - first utiliza la primera traducción disponible para
- c , - - compendium = fichero biblioteca adicional de traducción de mensajes ,
- e , - - escape utiliza escapes de c en la salida , sin caracteres extendidos
- l , - - locale = local nombre local , ya sea idioma o idiomapais
subproceso %s
%s : %d : atención : cadena constante no finalizada
' %s ' no es un formato de cadena válido %s , a diferencia de ' %s ' . motivo : %s
las líneas ' msgid ' y ' msgid_plural ' no terminan ambas con ' \ n '
- poner lc_all como local con la codificación %s .
puntos suspensivos ascii ( ' . . . ' ) en lugar de unicode
el conjunto de caracteres " %s " no está soportado . %s se basa en iconv ( ) .
selección del lenguaje del fichero de entrada :
estén codificados en utf - 8 desde el principio , es decir , en sus ficheros de código fuente .
trae y muestra el contenido de una url . si la url no puede ser accesada ,
en la instrucción número %u , la combinación de banderas no es válida .
en la instrucción número %u , la anchura del argumento número 0 no es un entero positivo .
los ficheros de entrada contienen mensajes en distintas codificaciones ,
para obtener mejores resultados .
las opciones - l y - d son obligatorias . el fichero . msg será escrito en
las opciones - l , - o y - - template son obligatorias . si se especifica - d , los ficheros de
caracteres diferente a la suya . considere la opción de utilizar un msgctxt
debe especificar la opción de línea de órdenes - - msgid - bugs - address
la cadena termina en medio de una instrucción : se encontró un ' { ' sin su ' } ' correspondiente .
modo de empleo : %s [ opción . . . ] [ región reglas ] . . .
después de ' = '
pero algunos mensajes solo tienen una forma plural
no se puede borrar el fichero temporal %s
no se puede restaurar fd %d : fallo en dup2
error al convertir de la codificación " %s " a la codificación " %s "
hubo un error al escribir el fichero " %s "
sucesión de multibyte inválida al final de la línea
« endianness » no válida : %s
argumento source_version no válido para compile_java_class
el catálogo de mensajes tiene formas plurales en las traducciones
no se especificó el fichero de entrada
no se especificaron ficheros de entrada
este mensaje debe ser revisado por el traductor
xgettext no puede funcionar sin palabras claves que buscar
si estás planeando basar tu trabajo en una rama upstream
%-*s fuerza a %-*s ( %s )
o : %s
( corrige los conflictos y ejecuta " git rebase - - continue " )
( usa " git branch - - unset - upstream " para arreglar )
rama head ( head remoto es ambiguo , puede ser uno de los siguientes ) :
parámetro ' %s ' de dirstat desconocido
%.*s está en el índice
¡ %s %s no es un commit !
%s reset no está permitido en un repositorio vacío
%s . . . %s : se necesita una base de fusión
%s : no se puede aplicar cherry - pick a un %s
%s : no se puede hacer stat en el índice abierto
' %s ' ya existe y no es un repositorio git válido
' %s ' puede ser tanto un archivo local como una rama de rastreo .
usa ' %s - f ' para sobreescribir , o ' prune ' o ' remove ' para limpiar
' %s ' no es un nombre de tag válido .
' %s ' requiere un modo de batch
' %s ' : necesita exactamente una base de fusión
' git bisect %s ' solo puede tomar un argumento .
líneas comenzando con %s serán eliminadas .
- - [ no - ] exclude - standard no puede ser usada para contenido rastreado
- - abort pero no tocar el índice ni el árbol de trabajo
- - default requiere un argumento
- - git - path requiere un argumento
- - mixed con rutas ha sido deprecado ; usa ' git reset - - < rutas > ' en cambio .
- - negotiate - only requiere protocolo v2
- - recurse - submodules solo se puede usar para crear ramas
- - reschedule - failed - exec requiere - - exec o - - interactive
- - verify no recibió ningún nombre de archivo de paquete
fusión de 3 vías si no se requiere ninguna fusión a nivel de archivo
< rama >
< formato >
< ruta >
< ancho > [ , < ancho - de - nombre > [ , < cantidad > ] ]
un glosario de git
abortando commit debido que el mensaje está en blanco .
agregar o analizar información estructurada en mensajes de commit
aplicar autostash resultó en conflictos .
autostash existe ; creando una nueva entrada stash .
estrategias personalizadas disponibles son :
valor erróneo ' %s ' en el entorno ' %s '
está denegado , porque eso haría el índice y el árbol de trabajo inconsistentes
conflicto ( ubicación de archivo ) : %s agregado en %s dentro de un directorio que fue renombrado en %s , sugerimos que debería ser movido a %s .
no se puede agregar notas . se encontró notas existentes para objeto %s . usa ' - f ' para sobrescribir las notas existentes
no se puede abrir el archivo índice del paquete para ' %s '
no se puede preparar una marca de tiempo para la expresión regular %s
no se puede cambiar rama a un ' %s ' sin commits
cambia o optimiza la salida de batch
directorio ' %s ' limpiado
el commit %s tiene una buena firma gpg por %s
commit %s tiene una firma gpg no confiable , pretendidamente por %s .
realizando commit a las notas no fusionadas
comparar el contenido y el modo de blobs encontrados a través de dos objetos de árbol
contexto reducido a ( %ld / %ld ) para aplicar el fragmento en %d
continuando asumiendo que quisiste decir ' %s ' .
crear , listar , borrar referencias para reemplazar objetos
eliminada la rama de rastreo remota %s ( era %s ) .
todo lo que esté por abajo será ignorado .
entrada ' %s ' se solapa con ' %s ' . no se pueden unir .
errores durante el fetch del submódulo :
falló el fstat %s : %s
falló al fusionar el submódulo %s , pero existen múltiples fusiones posibles :
falló al resolver ' %s ' como una ref válida .
* agregando la opción - - format - patch si se quiere decir un rango .
errores en la variable de config ' diff . dirstat ' encontrados :
opción gráfica a git - commit
el cual aceptará esta sugerencia .
checkout . defaultremote = origin en tu configuración .
magia de pathspec inválida ' %.*s ' en ' %s '
parece que ya hay un directorio %s , y
algo de valor ahí .
tomó %.2f segundos para refrescar el índice después de reiniciar .
listar referencias en el repositorio local
' %s ' hacia
mover objetos y referencias por crónica
sin cambios seleccionados
por favor especifica un directorio en la línea de comando
no hay fragmentos que concuerden con el patrón entregado
no hay más fragmentos a que ir
no se encontraron entradas de stash .
no manejando nada más que fusión de dos heads .
el parche falló en %s %.*s
por favor , confírmalos o guárdalos .
foo - seleccionar un objeto basado en un prefijo único
- . . . - de - seleccionar objetos especificados
propagando marcas isla
falló readdirectorychangedw en ' %s ' [ gle %ld ]
grabar los cambios al repositorio
para abortar y regresar al estado previo al " git rebase " , ejecuta " git rebase - - abort " .
rebobinando el árbol a original . . .
ejecutar una fusión para archivos que la necesiten
ejecutar una fusión de tres vías en un archivo
escaneando commits fusionados
mira ' git help < comando > ' para leer sobre los subcomandos específicos
saltando %s con el sufijo de backup ' %s ' .
ordenando objetos por packfile
poner en un stash los cambios en un directorio de trabajo sucio
detenido en %s . . . %.*s
formato de archivo de bundle
el parche actual está vacío .
pueden ser encontrados en ningún remoto :
y elimina %s
limpieza automática no se realizará hasta que el archivo sea eliminado .
esto quiere decir que el primer ' %s ' commit está entre %s y [ %s ] .
no se pudo crear ' %s . lock ' : %s
no es posible realizar fetch en la ruta de submódulo ' %s ' ; intentando hacer un fetch directo de %s :
incapaz de encontrar la revisión actual en la ruta de submódulo ' %s '
caché no rastreado deshabilitado
usa - f si realmente quieres agregarlos .
interfaces de repositorio , comando y archivo orientadas al usuario
usando la información del índice para reconstruir un árbol base . . .
estás en medio de una sesión am .
se puede ver " git bisect %s " y " git bisect %s " para eso .
mira " git help submodule " para más información .
y tienen %d y %d commits diferentes cada una respectivamente .
tu rama está basada en ' %s ' , pero upstream ha desaparecido .
o regresa a v2 . 33 , o más antes , para completar la rebase .
se esperaba un branch , se obtuvo tag ' %s '
agregar una firma de un archivo
agregar los cambios de todos los archivos con y sin seguimiento
falló al agregar archivos
permitir objetos faltantes
siempre usar formato largo
y luego usa :
mala línea de config %d en la línea de comando %s
mal repositorio ' %s '
binario
agregados por ambos :
ambos archivos modificados : ' %s ' y ' %s ' .
modificados por ambos :
la rama ' %s ' no tiene remoto para empujar
no se puede abortar de una rama por nacer
no es posible crear hilo async : %s
no se puede deducir de ' %s ' el nombre del árbol de trabajo
no se puede manejar más de %d rev .
no se puede restaurar la configuración de terminal
considera " git rebase - - quit " o " git worktree add " .
hacer checkout a nuestra versión para archivos sin fusionar
cherry - pick ya está en progreso
el commit %s no tiene un padre %d
firma %X en commit - graph no concuerda con firma %X
confusión más allá de la locura
continuar listando el historial de un archivo más allá de renombramientos
control de fetch recursivo en submódulos
no se pudo cambiar a ' %s '
no se pudo crear archivo temporal %s
ni se pudo intentar fusionar ' %.*s '
no se pudo descubrir el nombre de destino de ' %s '
no se pudo conseguir ' onto ' : ' %s '
no se pudo cargar pack
no se pudo bloquear ' %s '
no se pudo bloquear archivo de configuración %s
no se pudo resolver ref ' %s '
no se pudo cambiar a ' %s '
crear y hacer checkout a una nueva rama
crear y hacer switch a una nueva rama
crear paquetes adecuados para fetches superficiales
crear el reflog de la rama
demonio terminado
default para extracción recursiva de submódulos ( menor prioridad que archivos de configuración )
borrar
eliminar la referencia
offset de base delta está fuera de límites
overflow de offset de base de delta en paquete para %s
el directorio de destino no existe
diferente
no permitir clonar en directorios no vacíos
no se puede empaquetar objetos en packfiles promisores
no ejecutar git - update - server - info
no mostrar un diffstat de lo que cambió en upstream
no concordar patrones en archivos binarios
no mostrar nombres de archivo
editar blobs no está soportado
activar o desactivar monitor de sistema de archivos
error al procesar información de superficiales : %d
error al procesar refs deseadas : %d
realiza un commit o stash con tus cambios , y luego ejecuta
se espera algo luego de combine :
falló al limpiar multi - pack - index en %s
falló al descargar bundle del uri ' %s '
error al conseguir la huella de ssh para la llave ' %s '
falló al inicializar sparse - checkout
falló al hacer prefetch a los remotos
falló al renombrar el archivo temporal commit - graph
falló el ejecutar systemctl
falló al parar el demonio de fsmonitor
falló al desempaquetar objeto del árbol head
actualización forzada
git checkout [ < opciones > ] < rama >
git commit - tree : falló al leer ' %s '
la cabecera de git diff carece de información del nombre del archivo ( línea %d )
git fetch - pack : se esperaba ack / nak , se obtuvo ' %s '
git remote prune [ - n | - - dry - run ] < nombre >
git replace [ - - format = < formato > ] [ - l [ < patrón > ] ]
git revert [ < opciones > ] < commit - ish > . . .
git worktree repair [ < ruta > . . . ]
se obtuvo %s ( %d ) %s
no acaba con :
ignorar cambios cuyas líneas son todas en blanco
ignorando referencia rota %s
ignorando capacidades tras primera línea ' %s '
ignorando el archivo extra de bitmap : ' %s '
en la copia de trabajo de ' %s ' , crlf será reemplazado con lf la próxima vez que git la toque
en la copia de trabajo de ' %s ' , lf será reemplazado con crlf la próxima vez que git la toque
modo inválido de creación de objetos : %s
valor inválido para ' %s ' : ' %s '
listar replace refs
desactualizado local
buscar diferencias que cambien el número de ocurrencias del regex especificado
fecha de caducidad mal formada : ' %s '
hoja de opciones mal formada : ' %s '
concordar < patrón >
número máximo de cambios de ruta de filtro bloom para computar
id de mensaje
falta ' git_author_name '
falta archivo requerido : %s
mover / renombrar una rama y su reflog
mover / renombrar una rama , incluso si el destino existe
el abanico de oid de índice de paquetes múltiples es del tamaño incorrecto
valor negativo de http . postbuffer ; usando el valor por defecto %d
no borrando rama ' %s ' que todavía no ha sido fusionada a
no ejecutado desde un repositorio git - no hay hooks para mostrar
el objeto ' %s ' no tiene un tipo único
offset más allá del índice de fin de paquete para %s ( ¿ índice truncado ? )
valor de offset desbordado para el objeto base delta
solo decorar refs que concuerden con < patrón >
solo una acción a la vez
las opciones ' %s ' y ' %s ' no pueden ser usadas juntas , usa ' %s ' con ' %s ' y ' %s '
mostrar un diff binario que puede ser aplicado
sobrescribir el nombre de la rama inicial
paginador
el parche falló : %s : %ld
por favor suministra los contenidos de nota usando la opción - m o - f
pack de referencia ' % s ' ha expirado
imprimir < n > líneas de cada mensaje de tag
imprimir todos los nombres de variables de configuración
imprimir solo las ramas del objeto
mostrar solo refs que no contengan el commit
problema con el valor del modo de archivo core . sharedrepository ( 0 %.3o ) .
recortar objetos no referenciados
el empuje no tiene destino ( push . default es ' nothing ' )
hacer fetch de nuevo sin negociar commits en común
leer nombres de objetos de standard input
lectura de árbol falló
grabar solo el hecho de que las rutas eliminadas serán agregadas luego
referencia ' %s ' no apunta a un blob
rehusando actualizar ref con mal nombre ' %s '
inclusiones de configuración relativas tienen que venir de archivos
remote - curl : fetch intentado sin un repositorio local
eliminar paquetes redundantes , y ejecutar git - prune - packed
repack : esperando líneas de id de objeto completas en hex solo desde pack - objects .
reemplazar notas existentes
la ruta del repositorio ' %s ' ya existe y no es un directorio vacío .
requerir que el valor viejo de ref sea este valor
reiniciar el estado de bisect
restaurar el árbol de trabajo ( default )
lo mismo que - a , empacar objetos inalcanzables separadamente
scalar delete < alistamiento >
scalar unregister [ < alistamiento > ]
planificador
mostrar las entradas blame como las encontramos , incrementalmente
mostrar cambios contra < refspec > en cover letter o en un solo parche
mostrar objetos colgantes
mostrar el archivo parche siendo aplicado o fusionado
ignorar silenciosamente < nombre - de - hook > solicitado y faltante
saltar algunas pruebas de sensatez en las rutas proporcionadas que podrían resultar en positivos falsos
saltando ' %s ' , el cual no es ni archivo ni directorio
saltando revisión de credenciales para llave : credential . %s
suprimir mensajes de feedback
sinónimo para - - dirstat = cumulative
directorio - template
template no encontrado en %s
el parche aplica a ' %s ' ( %s ) , lo cual no concuerda con los contenidos actuales .
el remoto se colgó en el contacto inicial
la rama de upstream solicitada ' %s ' no existe
cortar trailers vacíos
no es posible conectar a %s :
no es posible crear una copia de seguridad para el archivo recién creado %s
no es posible crear hilo lazy_name : %s
no es posible indexar archivo ' %s '
no es posible unir hilo load_index_extensions : %s
no se puede mover %s a %s
no es posible analizar ' %s ' de la configuración de la línea de comando
comilla sin pareja : ' %s '
opción ` %s ' desconocida
argumento no reconocido : %s
actualizar archivos ignorados ( default )
actualizar información de estado en el archivo índice
uso :
usar contenido de < archivo > como imagen final
usar un índice bitmap si está disponible para acelerar la cuenta de objetos
usar archivo de config especificado
usar letras minúsculas para archivos de ' fsmonitor clean '
usar hilos cuando se busque para mejores concordancias de delta
se usaron más bytes de los disponibles
falló validación , no se puede mover el árbol de trabajo : %s
valor es " true " o " false "
valor es una ruta ( archivo o nombre de directorio )
verboso
mientras se buscaba :
no se bisecará en un árbol con cg - seek
escribir referencias obtenidas en el archivo fetch_head
y - aplicar este fragmento al índice y al árbol de trabajo
n - no descartar este fragmentodel índice ni del árbol de trabajo
a - descartar este fragmento y todos los posteriores en este archivo
estás cambiando de rama durante un bisect
tu archivo sparse - checkout tal vez tenga errores : patrón ' %s ' está repetido
ruta la ruta de un recurso
ruta la ruta ( opcional ) de un recurso ( puede ser parcial )
< alias value = ' %s ' / > dado cuando ya se había dado < choice value = ' %s ' / >
el valor del atributo de ser no nulo
no se pueden añadir claves a un esquema « list - of »
no se puede determinar la dirección del bus desde la variable de entorno dbus_starter_bus_type ; variable « %s » desconocida
no se puede truncar gbufferedinputstream
concatenar archivos e imprimir por la salida estándar .
no se pudo determinar el uso de disco de %s : %s
se encontró un array de longitud %u byte . la longitud máxima es 2 < < 26 bytes ( 64 mib ) .
entrar en modo de servicio de gapplication ( usar desde archivos de servicio de d - bus )
el enumerador está cerrado
error al cerrar el descriptor del archivo : %s
falló durante la conversión : %s
error al leer el archivo %s : %s
error al enviar los datos : %s
error : no se especificó el nombre del método
se agotaron todos los mecanismos de autenticación ( intentados : %s ) ( disponibles : %s )
el archivo existente « %s » no se pudo eliminar : g_unlink ( ) falló : %s
falló al crear una carpeta temporal para la plantilla « %s » : %s
falló al cargar la información para el gestor « %s »
falló al analizar la respuesta dns para « %s »
opciones de ayuda :
fecha / hora « %s » no válida en el archivo de marcadores
el archivo de claves no tiene el grupo « %s »
combinación del par clave / valor sin sentido en la entrada de dirección « %s »
falta un argumento para %s
la red no es alcanzable a través del proxy socksv5 .
no seguir nunca enlaces simbólicos
no se encontró ningún certificado codificado con pem
no se han proporcionado un archivo . desktop
esté registrada para manejar archivos de este tipo .
la clave de sobrescritura « %s » en el esquema « %s » en el archivo de sobrescritura « %s » está fuera del rango proporcionado en el esquema y se ha especificado - - strict ; saliendo .
puerto « %.*s » en el uri fuera de rango
no se permite buscar en el flujo base
establecer el atributo de un archivo
cabecera de firma encontrada pero no es del tipo firma
el soporte de tsl no está disponible
el archivo destino no es un archivo regular
tiempo de expiración en segundos
demasiados atributos en el elemento « %s »
no se soporta mover a la papelera
no se pudo encontrar la carpeta de nivel superior para la papelera %s
no se pudo cargar « %s » : %s
se especificó una familia desconocida
carácter no representable en entrada de conversión
vie
marzo
mayo
septiembre
atributos del archivo se puede especificar con su nombre gio , ej standard : : icon
falta la terminación ] para la clase de carácter
tamaño :
sin definición de « %s »
- ext < extension > añade extensión de fichero para resolver copy
- h , - help enseña esta ayuda y termina
- nombre no puede comenzar con espacio o guión bajo
fichero %s requiere una cláusula from
cláusula %s es requerida para el fichero « %s »
« %s » no es un ítem de nivel 01 o 77
« %s » no es el nombre de un procedimiento
all , leading o trailing esperado antes de « %s »
ítem for « %s » es un registro
ítem for « %s » no está dentro de registro asociado con « %s »
compilador gnucobol para muchos dialectos cobol con lotes de extensiones
llave de cláusula no válida con este tipo de fichero
renombra quizá no referencia un nivel 88
palabras reservadas
section de cabecera ausente antes de declaración de use
segmento section dentro de declaratives
nombres del sistema
ítem thru debe ser diferente a « %s »
una z o * la cual está tras la coma decimal
terminación anormal - contenidos de fichero quizá son incorrectos
literal alfanumérica tiene longitud de cero ; un espacio será asumido
desbordamiento de búfer - demasiadas líneas continuadas
señal obtenida
expresión es siempre falsa
función retornando ítem quizá no es cualquier longitud
booleana - hexadecimal literal
orden incorracta de parágrados configuración seccional
invalida entry ' %s ' %s
invalida parámetro sort using
constante invalida dentro de directiva define
longitud literal %d excede %d caracteres
subcadena máxima para « %s » : %d
múltiples llamadas a ' cob_setjmp '
ningún listado producido
solo literales con misma categoría puede ser concatenado
redefinición de « %s »
biblioteca de tiempo de ejecución no está configurado para esta operación
pantalla quizá solo son enseñadas en crt
categoría de árbol inesperada : %d
opción de aviso desconocido « %s »
valor « %s » no compatible para etiquetado de configuración « %s »
introduzca id de usuario . acabe con una línea vacía :
fichero jpeg . recuerde que la imágen se almacena en su clave pública .
( %c ) conmutar la capacidad de cifrado
( %d ) dsa ( sólo firmar )
%lld ~ minuto
%s : error al leer registro de versión : %s
%s : omitido : %s
%s : %d : opciones de exportación inválidas
' %s ' no es un juego de caracteres válido
@ opciones :
con su clave : " %s " ( %s ) ?
compresión :
¿ borrar esta firma inválida ? ( s / n / q )
¿ eliminar esta clave del anillo ? ( s / n )
la clave nunca caduca
la clave caduca %s
atención : usa el comando " %s " para reiniciarlos .
la función de manejo del pin devolvió un error : %s
pin demasiado largo
por favor , introduzca el nivel de esta firma de confianza .
por favor verifique que el certificado identificado como : %% 0a " %s " %% 0atiene la huella digital : %% 0a %s
clave pública :
intentos disponibles : %d
firma caducada en %s
sintaxis : @ gpg @ [ opciones ] [ ficheros ]
el mínimo nivel de confianza para esta clave es : %s
uso : @ dirmngr @ [ opciones ] ( - h para ayuda )
uso : gpgv [ opciones ] [ ficheros ] ( - h para ayuda )
atención : " %s " es una opción obsoleta
atención ' %s ' es un fichero vacío
advertencia : hash de archivo de cache no válido en ' %s ' , línea %u
aviso : no puedo expandir el %% - de la url de política . se usa sin expandir .
aviso : permisos inseguros del directorio contenedor de ' %s '
aviso : permisos inseguros del directorio personal ' %s '
¿ de qué tamaño quiere la clave ? ( %u )
no ha especificado un id de usuario ( puede usar " - r " )
debe seleccionar por lo menos un identificador de usuario .
un nombre de notación no debe contener ningún caracter ' = '
añadir un certificado a la cache
añadir un identificador de usuario
permitir el envío de búsquedas oscp
recuperar automáticamente claves al verificar firmas
no se pueden manejar líneas de texto de más de %d caracteres
cambia valores de la clave
la conversión de ' %s ' a ' %s ' no está disponible
la extensión crítica de certificado %s no puede usarse
datos no grabados ; use la opción " - - output " para grabarlos
no actualiza la base de datos de confianza después de importar
error al reservar memoria : %s
error al guardar la transacción en la base de datos tofu : %s
error al crear nuevo archivo de cache ' %s ' : %s
error obteniendo información sobre uso de la clave : %s
exportar claves de revocación marcadas como " confidenciales "
no pude conseguir el bloqueo de entrada de pin : %s
fallo al crear un flujo desde el socket : %s
no se puede reabrir el archivo de cache ' %s ' : %s
cabecera de armadura inválida :
opciones de importación inválidas
hash de emisor no válido en ' %s ' , línea %u
la clave ya existe
tamaño de clave incorrecto ; se usarán %u bits
línea acortada por culpa del caracter nul incluído
mostrar preferencias ( experto )
no hay crl disponible para el identificador de emisor %s
no se encuentra el emisor en el crl : %s
no forzado
no se puede usar la opción ' %s ' en modo %s
borrada información de propietarios
chequea el problema y borra este archivo manualmente
use la opción ' - - daemon ' para ejecutar el programa en segundo plano
problema buscando el certificado existente : %s
firma una clave en modo rápido
razón para la revocación :
la respuesta no incluye la clave pública
redondeados a %u bits
clave secreta " %s " no encontrada
establece los parámetros de depuración
muestra huella digital de la clave
mostrar url del servidor de claves preferido al listar firmas
firma la clave
la firma no se creo durante el tiempo de validez del certificado
el crl disponible es demasiado antiguo
cambiar estado de la opción forzar firma del pin
esperando que el archivo ' %s ' esté disponible . . .
puede actualizar sus preferencias con : gpg - - edit - key %s updpref save
| file | lee lista de servidores ldap de file
| name | conectar al socket assuan nombre
| n | desconectar la tarjeta después de n segundos de inactividad
| n | nivel de compresión n ( 0 desactiva )
exponente ( %d bits ) :
módulo ( %d bits ) :
ningún certificado revocado .
se intentó una conexión con una retrollamada inapropiada .
intérprete asn1 : no se encontró el identificador
se encontró un parámetro ilegal .
se intentó una renegociación durante una salida en falso .
error al decodificar base64 .
la restricción de nombre cidr está malformada en tamaño o estructura .
falló la compresión del paquete de registro tls .
error en la verificación del certificado .
error en la verificación de la llave privada ; la semilla no coincide .
error en las opciones de uso de la llave del firmante .
error al leer el fichero .
información de respuesta ocsp :
error de pkcs # 11 .
información de la llave pública :
falló el cifrado de la clave pública .
se alcanzaron algunos límites restrictivos .
la respuesta ocsp del firmante no es confiable .
el certificado aún no está activo .
se rechazaron los primeros datos .
la contraseña dada contiene caracteres utf - 8 inválidos .
no se admite el algoritmo de firma .
la sesión especificada ha sido invalidada por otras razones .
hay error al inicializar la petición dns .
aviso : se firmó utilizando un algoritmo de firma defectuoso que se puede falsificar .
descartó secciones entrantes
%s : versión abi %d no es compatible con versión abi %d por salida
%s : dwarf tu : %u
%s : convergió icf después de %u iteracion ( es )
%s : extensiones isa inconsistente entre e_flags y . mips . abiflags
%s : la instrucción thumb blx apunta a la función thumb « %s » .
%s : el fichero era demasiado pequeño : sólo se leyeron %lld de %lld bytes en %lld
%s : grupos bibl : %u
%s : nodos visitados : %u
%s : miembros de archivo totales : %u
%s : atributo de objeto eabi obligatorio %d desconocido
%s : no se admite la sección de reubicación rela
%s : wirte : valor de devolución 0 inesperado
( aarch64 solo ) ajustar cortex - a53 errata 843419
el argumento ' %s ' de - - build - id no es un número hexadecimal válido
- retain - symbols - file aún no funciona con - r
call16 reubica en 0x %lx no frente a símbolo global
no pude utilizar ambos - - target1 - abs y - - target1 - rel .
no revisa las direcciones de segmento por traslapes
no define símbolos comunes en reubicación salida
no desenreda los símbolos c + + en los mensajes de registro
no avisa cuando se salta una biblioteca incompatible
sección exidx %s ( %u ) enlaza a sección %s ( %u ) no reservada dentro de %s
distribuye filas completas a memoria
marca la salida para requerir pila ejecutable
programa
comunique símbolos sin resolver como avisos
establece la dirección de inicio del programa
ordena símbolos comunes por alineación
inicia una biblioteca
avisa sobre símbolos comunes duplicados
igual que - bstatic
se alinea al valor relativo de la sección
falló al coincidir la secuencia dividir - pila en la sección %u desplazamiento %0zx
índice de nombre de distribución simbólicos dinámicos inválido : %u
guión enlazador
quizá no anidan bibliotecas
pthread_mutex_lock fallado : %s
desbordamiento superior reubicable : referencia al símbolo local %u en %s
porción - pila del tamaño de pila sobrepasa an la sección %u desplazamiento %0zx
no se admite el fichero : 64 - bit , big - endian
no se admite únicamente uno de filehdr y phdrs
campo vd_cnt ‘ verdef ’ demasiado pequeño : %u
al cerrar %s : %s
%s : no se puede encontrar ` %s '
%s : el fichero ` %s ' tiene la versión %d no admitida
%s : %d : ( %s : 0x %lx ) %lu ejecuciones
[ - - file - format = nombre ] [ - - file - info ] [ - - help ] [ - - line ] [ - - min - count = n ]
- p solo admite locales unibyte y utf - 8
no se ha especificado ninguna sintaxis
permitir volumen por encima del 100 %
pitar al pulsar una tecla por primera vez
modo de seguimiento del ratón
cambiar el brillo del azul
tema actual
carpeta hija
si es cierto , se enviarán informes anónimos automáticamente al fabricante .
hace que todas las fuentes de entrada instaladas estén disponibles para elegirlas en la configuración del sistema .
maximizar la ventana verticalmente
mover la ventana al centro de la pantalla
número de días durante los que recordar los archivos usados recientemente
píxeles por segundos
velocidad del puntero
invertir el cambio entre ventanas directamente
invertir el cambio entre ventanas de una aplicación directamente
nombre del equipo proxy socks
color secundario
activar esto para ofrecer una opción en el diálogo de desbloqueo para cerrar la sesión después de un intervalo de tiempo . el retardo se especifica en la clave « logout_delay » . obsoleto : esta clave está obsoleta y se ignorará .
mostrar la ventana del tipo de pulsación .
cambiar al área de trabajo 10
cambiar al área de trabajo 7
cambiar al área de trabajo de debajo
el modo de pulsación al posarse activo . los valores posibles son « window » y « gesture » .
el número de segundos de inactividad antes de considerar la sesión inactiva .
indica si los menús deben tener un tirador .
indica si las barras de desplazamiento se deben superponer como indicadores . dependiendo de los dispositivos de salida utilizados las barras de desplazamiento permanentes pueden seguir mostrándose .
indica si el reloj muestra los segundos
indica si el usuario puede desprender las barras de menús y moverlas a otro lado .
indica si se deben abrir automáticamente las carpetas de los soportes automontados
codificador de sonido rtp %s
formato de subtítulos dks
formato de subtítulos kate
silenciar : encendido
no se especificó una uri para reproducir .
fichero de lista de reproducción que cotiene ficheros de medios de entrada
complemento o elemento de tipo desconocido
pulse ' k ' para ver una lista de atajos de teclado .
el elemento fuente no tiene rellenos .
este tipo de flujo no se puede reproducir aún .
id trm de la pista
marco de etiqueta id3v2 sin analizar
« %s » es un directorio .
no se pudo crear el archivo temporal « %s » .
no se pudo abrir « %s » para escribir .
no se pudo abrir el recurso para su escritura .
gstreamer encontró un error general de recurso .
error interno de gstreamer : problema con las hebras .
nombre del programa / podcast / serie , para propósitos de ordenación
no hay un mensaje de error para el dominio %s .
imprimir lista de los archivos en la lista negra
estableciendo el conducto a reproduciendo …
advertencia : del elemento %s : %s
golpes por minuto ( bpm )
intercambiable sólo entre los estados null o ready
nota de derechos de autor de los datos
no se pudo enlazar %s a %s
no se pudo enlazar %s a %s , ninguno de los elementos puede manejar la capacidad %s
codificado por
género
el enlace no tiene fuente [ sink = %s @ %p ]
número de pista
un booleano que indica si el menú ha sido desprendido
aceptando trabajos
ángulo al cual la etiqueta se rota
apariencia de la sombra que rodea al contenedor
sombra de la flecha
puede por omisión
sensible a la capitalización
espaciado entre columnas
dígitos
bloques discretos
desplazar el foco
muestra un segundo botón con una flecha de retroceso en el extremo opuesto de la barra de desplazamiento
documentadores
activar líneas del árbol
el espacio adicional en los bordes derecho e izquierdo del menú
tamaño de la tipografía en unidades de pango
anchura de la tipografía
tiene paleta
imagen de la cabecera para la página del asistente
distancia en la dirección « x » para mover la flecha cuando se suelta el botón
si es true , se muestra una cabecera
si es true el gtkprogress está en modo actividad , que quiere decir que señala que algo está pasando , pero no cuánto de la actividad está terminado . esto se usa cuando está haciendo algo que no sabe cuánto tiempo puede llevar finalizarlo .
si es true , el hijo se expande y encoge junto con el widget dividido
si es true , la ventana emergente tendrá el mismo tamaño que la entrada
si es true , esta ventana es modal ( no se pueden utilizar otras ventanas mientras ésta este encima )
si es true , se muestran los números de las semanas
sangrar
indica si esta curva es lineal , interpolada de splines , o forma libre
nombre del tema de teclas
x máximo
máxima antigüedad para los archivos recientemente usados , en días
acelerador de la barra de menús
anchura mínimo permitido de la columna
columna modelo para buscar a través de ella en una búsqueda interactiva
nombre de la tipografía predeterminada a utilizar
numérico
posición del elemento en su grupo
pixbuf primario
proporción
acoplado derecho
margen derecho establecido
flecha de retroceso secundaria
mostrar nombres de los días
imagen de barra lateral
tamaño que se va a usar para los cursores , o 0 para usar el tamaño predeterminado
espacio entre los elementos del área
posición del tabulador
el icono mostrado
la selección de color empotrada en el diálogo .
el valor actual
la anchura fija
la alineación horizontal , desde 0 ( izquierda ) hasta 1 ( derecha ) . al revés para distribuciones d - - > i .
el índice de la página actual
la etiqueta que se usa para los elementos de menú y botones que activan esta acción .
la anchura mínima deseada del elemento del menú en caracteres
la representación empleada para los datos de la imagen
el id de inventario del icono de inventario a renderizar
el tipo de la ventana
consejo
acoplado superior
truncar multilínea
directiva de la barra de desplazamiento vertical
cuando sea true , los elementos de proximidad vacíos del menú para esta acción se ocultan .
indica si el espacio extra dado al hijo debe ser reservado para el en el hijo o usado como separación
indica si los elementos del menú deben tener aceleradores
indica si se deben mostrar y ocultar automáticamente los mnemónicos cuando el usuario pulsa el activador de mnemónicos .
indica si las solapas deben tener tamaños homogéneos
indica si la acción es considerada importante . cuando sea true ( verdadero ) , los proxies del elemento toolitem muestran texto en el modo gtk_toolbar_both_horiz .
indica si la acción es visible .
indica si el botón obtiene el foco al ser pulsado con el ratón
indica si el combobox obtiene el foco cuando se pulsa con el ratón
indica si el elemento de la barra de herramientas es visible cuando la barra esté en orientación horizontal .
indica si esta etiqueta afecta el modo de ajuste de línea
indica si esta etiqueta afecta el color de fondo
indica si esta etiqueta afecta el color de fondo del parágrafo
indica si se debe mostrar el indicador de nivel de llenado en los gráficos mientras se llena .
indica si se debe dibujar para la longitud completa del rango o excluir las flechas de desplazamiento y el espaciado
título de la ventana
x alineación
posición x del widget hijo
el gdkscreen para el renderizador
ya se ha especificado un elemento < %s >
ya existe un archivo llamado « %s » . ¿ quiere reemplazarlo ?
todas las hojas
se necesita autenticación para obtener un archivo de %s
se necesita autenticación para imprimir el documento « %s »
información de facturación
se encontraron tanto " id " como " name " en el elemento < %s >
shell bourne again
copiar lugar
no se pudo encontrar el icono « %s » . el tema « %s »
obteniendo la información de la impresora …
retener el trabajo hasta que se libere explícitamente
el icono « %s » no está presente en el tema
pulsación múltiple
no es un archivo válido de configuración de página
hojas impares
páginas por hoja
la impresora « %s » tiene poco papel .
a la impresora « %s » no le queda revelador .
de derecha a izquierda , de arriba a abajo
lo mismo que - - no - wintab
tamaño de la paleta en modo 8 bits
pregunta
añadir
descendente
desconectar
salir de pantalla completa
comprobar ortografía
sube o baja el volumen
teclee el nombre de la carpeta nueva
escrito por
nombre :
rojo :
retroceso
legal gubernamental
procesando trabajo
- ? , - - help mostrar esta ayuda y salir
- k , - - data - checksums activar sumas de verificación en páginas de datos
no se pudo abrir el directorio « %s » : %m
no se pudo cerrar el archivo « %s » : %m
no se pudo obtener el código de salida del subproceso » : código de error %lu
no se pudo re - ejecutar con el token restringido : código de error %lu
no se pudo eliminar el contenido del directorio de wal
el archivo « %s » no existe
el programa « %s » es requerido por %s pero se encontró en el mismo directorio que « %s »
eliminando el directorio de wal « %s »
ejecutando script de inicio ( bootstrap ) . . .
seleccionando el valor para max_connections . . .
nombre de superusuario « %s » no permitido ; los nombres de rol no pueden comenzar con « pg_ »
armenio
lineal b
islas cook
república federal democrática de etiopía
irlanda
república islámica de pakistán
reino de noruega
letonia
islas marshall
martinica
palestina , estado de
república de botsuana
república de singapur
república de surinam
santa elena , ascensión y tristán de acuña
santa lucía
islas vírgenes de los estados unidos
vizcaya
hawái
panjshir
umbría
bielorrusia , república socialista soviética de
francia , tierras australes y antárticas de
peso chileno
nuevo séquel israelí
asturiano ; bable ; leonés ; asturleonés
australianas , lenguas
lenguas bálticas
francés arcaico ( 842 - ca . 1400 )
irlandés medieval ( 900 - 1200 )
groenlandés
manx [ gaélico de manx ]
prakrit , lenguas
kiroundi
español ; castellano
altai , meridional
amami - oshima , meridional
árabe , sur de levante
baka ( camerún )
banda , centro oeste
ghomala
kom ( camerún )
rumano
- - disable - large - address - aware el ejecutable no admite direcciones
aún en ficheros objeto
- - enable - long - section - names usa nombres de sección coff largos aún
virtuales mayores a 2 gigabytes
- - no - ignore - branch - isa rechaza las reubicaciones de rama inválidas que
- - no - plt - static - chain los stubs de llamadas plt no deberían cargar r11
- - no - plt - static - chain los stubs de llamadas plt no deberían cargar r11 ( lo predefinido )
- - no - plt - thread - safe stubs de llamadas plt sin barrera
evita un error de caché en ppc476
- - save - restore - funcs proporciona rutinas para guardar restaurar registros
- z bndplt genera siempre prefijo bnd en las entradas plt
- z nodefaultlib indica que el objeto no utilizará rutas de búsqueda predeterminadas
- z nodlopen indica que el dso no está disponible para dlopen
%F %P : %pB : bfd_stat falló : %E
%F %P : no se admite - shared
%F %P : la sección de salida ' %s ' no es suficientemente grande para la sección ' %s ' de stubs creada para el enlazador .
%F %P : falló bfd_xcoff_export_symbol : %E
%F %P : no se puede abrir el fichero de dependencias %s : %E
%F %P : no se puede leer %s
%F %P : argumento inválido para la opción " - - section - start "
%F %P : carácter inválido %c ( %d ) en los interruptores
%F %P : falló la asociación de secciones a segmentos : %E
%F %P : tipo de formato %s desconocido
%F %P : %pS : aviso : no existe la región de memoria ` %s ' para el alias ` %s '
%P : %pB : aviso : no se puede analizar la sección . xtensa . info
%P : no se reconoce el modo de emulación : %s
%P : aviso : se descarta la sección . buildid , se hace caso omiso de - - build - id
%P : aviso : sección ctf en ` %pI ' no enlazable : %P se construyó sin soporte para ctf
%P : aviso : se hace caso omiso del número - bmaxdata no válido %s
%P : aviso : se hace caso omiso del número - bmaxstack no válido %s
%X %P : - - hash - size necesita un argumento numérico
%X %P : no se pueden dimensionar las secciones de grupos : %E
%X %P : error : sección huérfana no colocada ` %pA ' de ` %pB '
no descarta ningún símbolo local
exporta el símbolo especificado
genera biblioteca de importación
carga el plugin nombrado ( ignorado )
retira ( « pop » ) el estado de los indicadores que gobiernan el manejo del fichero de entrada
establece la dirección de la sección . text
rastrea la apertura de ficheros
apaga - - whole - archive
escribe el fichero de dependencias
nombre | alineación
se produjo un error durante la verificación de las firmas . el repositorio no está actualizado y se utilizarán los ficheros de índice antiguos . error de gpg : %s : %s
la caché tiene una versión incompatible de sistema de versiones
no se puede seleccionar la versión candidata del paquete %s dado que no tiene candidatos
mejora
no es un ejecutable dinámico
%15u búsquedas de entradas
%15u consultas de cav
[ opción . . . ]
%s no es un tipo de biblioteca conocido
%s : no se permite una descripción de categoría vacía
%s : valor inválido para el campo ` %s '
%s : línea %d : se esperaba ` on ' o ` off ' , se encontró ` %s '
%s : falta el nombre de la era en la cadena %Z d en el campo ` era '
%s : hay varias definiciones de orden para la sección ` %s '
%s : la opción es ambigua ; posibilidades :
%s : el valor para el campo ` %s ' debe ser un único carácter
%s : los valores para el campo ` %s ' no deben ser mayores que %d
( error del programa ) ¿ ¡ no se debería haber reconocido la opción ! ?
formato de fichero fuente incorrecto
el directorio no está vacío
no se pudo conectar con el dominio
el ` phentsize ' del fichero elf no es el tamaño esperado
subdesbordamiento de coma flotante
para instrucciones sobre informes de fallo , por favor consulte :
enlace bibliotecas individuales manualmente .
servidor maestro :
se ha intentado un ` multihop '
no se ha encontrado el medio
no se encontró , no existe ese nombre
número de objetos : %u
rpc : no se pudo descodificar la respuesta
rpc : falló ( error no especificado )
rpc : versiones incompatibles de rpc
rpc : programa no disponible
configuración del servicio
apagar el servidor
demasiados procesos
el proceso hijo seguido ha sido capturado
palabra clave %s desconocida en . netrc
error desconocido en la llamada a ` ypbind ( ) '
- f , - - from lista_de sigue las llamadas de objetos en lista_de
no se puede reasignar el número de procedimiento %ld
no se puede acceder a ' %s '
no se pueden aplicar protecciones de memoria adicionales después de relocalizar
no se puede efectuar map sobre el fichero de la base de datos
no se puede abrir el fichero de entrada ` %s '
no se puede leer la cabecera del archivo
no se pueden leer datos del archivo de locales
no se puede establecer el contexto de creación de fichero para ` %s '
no se puede efectuar stat sobre el fichero recién creado
no se pueden escribir las estadísticas : %s
número de mensaje duplicado
codificación para el resultado
error interno ( descriptor ilegal )
año bisiesto inválido
no se encontró el fichero de alias de locales ` %s '
makecontext : no sabe cómo manejar más de 8 argumentos
el programa %d no fue registrado nunca
pmap_getmaps . c : problema de rpc
muestra la lista de contadores de ruta y su número de uso
socket : fallo de protocolo al configurar el circuito
falló la llamada a ` stat ' sobre " %s " : %s : descartado
esta es la primera vez que aparece la definición
hay inconsistencias al final de la línea
cadena de caracters que contiene un comentario sobre la imagen , codificado en utf - 16le .
punto af
posición de autofoco : izquierda - derecha
comprobación de la exposición automática
alto automático
rumbo de destino
modo blanco y negro
abajo - centrado
brillo -
temperatura de la cámara
centímetro
bits comprimidos por pixel
desinfla / compresión zip
descripción de ajuste del dispositivo
distancia al objeto fotografiado , dada en milímetros .
altura de la imagen epson
ancho de la imagen epson
fijo
coma flotante de precisión simple
unidad de resolución del plano focal
distancia focal menor
comida
composición de imagen
escala de grises
el más duro
velocidad iso
incandescencia
indica el índice de exposición seleccionado en la cámara o dispositivo de entrada en el momento que se captura la imagen .
índice de interoperabilidad
formato de intercambio de jpeg
niños y animales domésticos
valor de luz en el centro
animal de compañía medio
escena nocturna
sin flash
no definido
apagada
encendido ( predeterminado )
encendido , suave
encendido , conexión inhalámbrica
desenfocado
dirección del panorama
efecto foto
dimensión x del pixel
formato planar
predeterminado
programa ae
referencia de la distancia al destino
girar 180
autorretrato
factor de nitidez
distancia focal corta de la lente
luz de retorno estrosboscópica detectada
fracción de segundo ( original )
el desplazamiento del byte de comienzo ( soi ) de los datos comprimidos de la diapositiva jpeg . esto no se utiliza para los datos primarios de imagen jpeg .
esta etiqueta indica un identificador asignado unívocamente a cada imagen . se registra como una cadena de caracteres ascii equivalente a notación hexadecimal y de una longitud fija de 128 bits .
esta etiqueta indica el modo de exposición ajustado cuando se tomó la imagen . en el modo auto - bracketing , la cámara toma una serie de cuadros de la misma escena con ajustes de exposición diferentes .
esta etiqueta indica la ubicación y el área del sujeto principal en la escena general .
imagen en miniatura
curva del tono
prioridad al obturador
valor desconocido %hi
tablero blanco
con estrosboscópica
palabras clave xp
zoom de anchura de la fuente
- - debug muestra información de depuración
- h , - - help muestra la ayuda y termina
la entrada con etiqueta - a no es válida
aviso
el argumento de lo_write excede el rango de enteros
el método de autentificación %u no está soportado
no se pudo leer la llave privada ssl « %s » desde el motor « %s » : %s
no se pudo leer el archivo de la llave privada ssl « %s » desde el motor « %s » : %s
no se pudo enviar datos al servidor : %s
se encontró el fin de la cadena mientras se buscaba el « ] » correspondiente en dirección ipv6 en uri : « %s »
estado de intercambio scram no es válido
valor entero « %s » no válido para la versión mínima del protocolo ssl
el nombre de sentencia es un puntero nulo
# no hay valores de variables específicas al patrón .
dirección de la excepción = 0x %p
( de ' %s ' , linea %lu ) :
# actualizado con éxito .
%s otros libre : total = %lu b / máx = %lu b / mín = %lu b / promedio = %hu b
%s : la opción ' - - %s ' no admite ningún argumento
* * * se borra el archivo intermedio ' %s '
fallo al reconstruir el archivo objetivo ' %s ' .
se encontró la dependencia ' %s ' como la vpath ' %s ' .
se debe reconstruir el objetivo ' %s ' .
la dependencia ' %s ' es solo de orden para el objetivo ' %s ' .
acceso del usuario
fwrite ( archivo temporal )
abrir : %s : %s
tipo de sincronización de salida desconocido ' %s '
la referencia a la variable está sin terminar
atención : se fuerza a - j %d en el submake : se restablece el modo de servidor de tareas .
actualizando los ficheros cat para la sección %s de la jerarquía de man %s
%d subdirectorio man contenía páginas de manual más recientes .
no se puede convertir %s a un nombre de tipo cat
comprobando si hay páginas cat extraviadas bajo %s . . .
controlando formateado de salida :
contenido nulo para clave : %s
vea « %s » para obtener ayuda cuando las páginas del manual no estén disponibles .
los predeterminados son - - man y - - whatis .
mal acceso en clave múltiple %s
no se puede cambiar al directorio %s
no se puede abrir el fichero temporal %s
no se puede quitar %s
no purgar entradas obsoletas desde las bbdd
caché de índices %s corrompida
sobreescribe los ficheros de entrada in situ
restablece todas las opciones a sus valores predeterminados
muestra todas las páginas coincidentes con comodín
por defecto : basado en el binario a desensamblar .
< error interno en la tabla de códigos de operación : %s %s >
case %d equivocado ( %s ) en %s : %d
error : lectura desde memoria fallada
ic como nota %d para el código de operación %s ( ic : %s ) en conflicto con recurso %s nota %d
el inmediato está fuera del rango - 128 a 127
ausente ' pof : ' como prefijo
sólo se permite $ sp o $ 15 para este código de operación
escribe instrucciones desconocidas de acuerdo a longitud desde el primero de dos bits
uimm valorados > 15 son ilegales
el valor del operando a debe ser 0 o 1
cgen_parse_address devolvió un símbolo . requerido literal .
imm : 6 inmediato está fuera de rango
posición no válida , debería ser una de : 0 , 4 , 8 , . . . 124 .
invalida número registrado , debería ser blink
operando fuera de rango ( no está entre 1 y 255 )
el registro debe ser gp
el registro debe ser pcl
registro fuera de rango
dirección trasera inesperada
desconocido 0x %02lx
el valor debe estar en el rango 1 a
- u , - - username = usuario nombre de usuario para la conexión
%s [ opción ] . . .
escribe configuración para replicación
debe especificarse al menos una operación
no se pudo crear el archivo comprimido « %s » : %m
no se pudo crear un enlace simbólico desde « %s » a « %s » : %m
no se pudo descomprimir datos : %s
no se pudo leer bloque %u en archivo « %s » : leídos %d de %d
- - bindir muestra la ubicación de ejecutables de usuario
enteros de 64 bits
prevtimelineid del último checkpoint : %u
%s register [ - d datadir ] [ - n servicio ] [ - u usuario ] [ - p password ]
- w , - - wait esperar hasta que la operación se haya completado ( por omisión )
smart salir después que todos los clientes se hayan desconectado
%s : otro servidor puede estar en ejecución ; tratando de iniciarlo de todas formas .
%s : no se puede rotar el archivo de log ; un servidor en modo mono - usuario está en ejecución ( pid : %ld )
%s : no se pudo determinar el directorio de datos usando la orden « %s »
%s : el directorio « %s » no existe
iniciando el servidor de todas maneras
- - if - exists usa if exists al eliminar objetos
- - no - table - access - method no restaura métodos de acceso de tablas
- - role = rolename hace set role antes de restaurar
- s , - - superuser = name superusuario a utilizar en el volcado de texto
- b , - - blobs incluye objetos grandes en la extracción
valor erróneo en el campo pg_transform . trftosql
no se pudo cerrar el archivo de la tabla de contenido de los objetos grandes « %s » : %m
no se pudo cerrar el archivo de salida : %m
no se pudo interpretar el arreglo numérico « %s » : demasiados números
no están implementadas las referencias entre bases de datos : %s
las conexiones directas a la base de datos no están soportadas en archivadores pre - 1 . 3
habilitando disparadores ( triggers ) para %s
el posición en el archivo es demasiado grande
se encontró entrada huérfana de pg_auth_members para el rol %s
dependencia %d no válida
dumpid %d no válido
no se especificó un directorio de salida
las opciones - s / - - schema - only y - - include - foreign - data no pueden usarse juntas
la restauración en paralelo desde un archivo no posicionable no está soportada
la restauración en paralelo desde entrada estándar ( stdin ) no está soportada
la restauración en paralelo no está soportada con archivos construidos con pg_dump anterior a 8 . 0
pgpipe : no se pudo escuchar : código de error %d
procesando datos de la tabla « %s . %s »
la consulta para obtener los datos de la secuencia « %s » regresó %d entrada , pero se esperaba 1
leyendo las transformaciones
leyendo los diccionarios de búsqueda en texto definidos por el usuario
leyendo los procesadores ( parsers ) de búsqueda en texto definidos por el usuario
salvando codificaciones = %s
hay restricciones de llave foránea circulares en la siguiente tabla :
resultados extra inesperados durante el copy de la tabla « %s »
el valor del atributo « proparallel » para la función « %s » es desconocido
el proceso hijo falló : código de salida %d
el archivo « %s » contiene « %s » , que no es compatible con la versión « %s » de este programa .
¿ hay un servidor corriendo ? si no , borre el archivo candado e inténtelo de nuevo .
- n , - - dry - run detener antes de modificar nada
bkpblock_has_data está definido , pero no hay datos en %X / %X
ids de timeline deben ser menores que el id de timeline del hijo .
no se pudo crear el link simbólico en « %s » : %m
no se pudo leer el registro wal en %X / %X
creando etiqueta de respaldo y actualizando archivo de control
block_id %u fuera de orden en %X / %X
restore_command falló : %s
el directorio de destino debe estar apagado limpiamente
f_nocache tiene soporte en esta plataforma para open_datasync y open_sync .
cuando ejecute pgugpade , debe proveer la siguiente información :
- d , - - new - datadir = datadir directorio de datos del clúster nuevo
c : \ > set pgdataold = clusterantiguo / data
no se puede continuar sin la información de control requerida . terminando
antiguo debe ser borrado manualmente .
valores de configuración regional icu de la base de datos « %s » no coinciden : antigua « %s » , nueva « %s »
en la base de datos : %s
restaurando esquemas de bases de datos en el clúster nuevo
sincronizando directorio de datos a disco
el clúster de destino fue apagado mientras estaba en modo de recuperación . para actualizarlo , use « rsync » como está documentado , o apáguelo siendo primario .
soportado . considere eliminar la columna oid usando
y se pueden restaurar después , cambiándolos para que hagan referencia a las nuevas
de las bibliotecas problemáticas está en el archivo :
no se pudo crear un link duro entre los directorios de datos nuevo y antiguo : %s
no se pudo obtener la salida de versión de pg_ctl de %s
la cantidad máxima de columnas indexadas antigua y nueva no son válidos o no coinciden
" %s " no es un archivo o directorio
« \ u » debe ser seguido por cuatro dígitos hexadecimales .
suma de comprobación sin algoritmo
el tamaño del archivo no es un número entero
el manifiesto no tiene suma de comprobación
- s , - - start = recptr empezar a leer el wal en la posición recptr
no se pudo leer el archivo « %s » : leídos %d de %d
- d , - - createdb el rol podrá crear bases de datos
no se puede agregar un encabezado al contenido de la tabla : la cantidad de columnas de %d ha sido excedida .
no es posible reindexar esquemas específicos y los catálogos del sistema simultáneamente
falló el reordenamiento de la tabla « %s » en la base de datos « %s » : %s
bucle for con variable entera
asegúrese que la consulta retorne una única fila , o use limit 1 .
las funciones pl / pgsql no pueden retornar el tipo %s
imprimir información de parámetros en la parte detalle de los mensajes de error generados por fallos en into . . . strict .
la opción de raise ya se especificó : %s
no se puede asignar a la columna de sistema « %s »
un bucle for de un cursor debe tener sólo una variable de destino
no hay suficientes argumentos para el cursor « %s »
la consulta no retornó datos
el argumento de consulta a ejecutar en execute es null
- b nbuffers número de búfers de memoria compartida
- d 1 - 5 nivel de depuración
dbname nombre de base de datos ( el valor por omisión es el nombre de usuario )
« %s » es un índice parcial
« %s » es una función de agregación
« %s » no es una tabla particionada
« %s » está fuera de rango para el tipo double precision
« %s » está fuera de rango para el tipo real
%s sólo puede invocarse en una función de un disparador en el evento table_rewrite
%s no puede ser aplicado a una consulta with
la orden %s no puede afectar una fila por segunda vez
%s no está permitido con funciones que retornan conjuntos en la lista de resultados
la consulta « %s » no retorna tuplas
%s requiere un valor numérico
los tipos %2$s y %3$s no son coincidentes en %1$s
%s : argumento no válido para la opción - f : « %s »
%s : argumento no válido para la opción - t : « %s »
%u no es un oid de tablespace
- 1 significa sin límite .
- 1 para mostrar los valores completos .
se utiliza una referencia de la tupla completa , y la tabla contiene columnas generadas
palabra clave de acl debe ser « group » o « user » .
alter subscription . . . refresh no está permitido para las suscripciones desactivadas
alter table / add constraint using index renombrará el índice « %s » a « %s »
escribir cachés de sistema de forma agresiva para propósitos de depuración .
permite el archivado de wal usando archive_command .
una cadena vacía indica que « archive_command » debería usarse .
una cadena vacía especifica el tablespace por omisión de la base de datos .
los arrays con diferentes dimensiones son incompatibles para la concatenación .
los arrays con elementos de tipo %s y %s son incompatibles para la concatenación .
un trigger before statement no puede retornar un valor
valores por omisión de conexiones / precargado de bibliotecas compartidas
valores por omisión de conexiones / comportamiento de sentencias
cierre transacciones con multixact pronto para prevenir problemas por reciclaje del contador .
no se pudo sincronizar ( fsync ) archivo « %s » : %m .
declare cursor no debe contener sentencias que modifiquen datos en with
no especifique la opción only , o ejecute truncate only en las particiones directamente .
emitir información acerca del uso de locks de usuario .
no se permite ejecución del servidor postgresql por un usuario con privilegios administrativos .
la columna force_quote « %s » no es referenciada en copy
la llamada a sistema fallida fue shmget ( key = %lu , size = %zu , 0 %o ) .
por ejemplo , from ( values . . . ) [ as ] foo .
por ejemplo , on conflict ( nombre_de_columna ) .
la entrada tiene demasiadas columnas .
la llave %s está en conflicto con la llave %s .
bibliotecas compartidas a precargar en cada proceso .
busca adelantadamente en el wal para encontrar referencias a datos que no están en cache .
máxima distancia que leer adelantado en el wal para pre - cargar bloques de datos referenciados .
número máximo de procesos ayudantes concurrentes .
coma faltante después del límite inferior .
falta paréntesis izquierdo .
debe ser superusuario para crear tablespaces .
debe ser superusuario para crear un método de acceso .
new table no se puede especificar varias veces
on conflict do update requiere una especificación de inferencia o nombre de restricción
la contraseña del usuario " %s " está en un formato no reconocido .
postgresql no soporta segundos intercalares .
las sentencias preparadas pueden tener planes genéricos y « custom » , y el optimizador intentará escoger cuál es mejor . esto puede usarse para controlar manualmente el comportamiento .
la respuesta radius desde %s tiene firma md5 incorrecta
secreto radius no especificado
range con desplazamiento preceding / following no está soportado para la columna de tipo %s
reporte y registro / título del proceso
los operadores de comparación de registros deben estar asociados a una familia de operadores btree .
la lista de destinos de regla de select tiene muy pocas entradas
set transaction [ not ] deferrable debe ser llamado antes de cualquier consulta
función sql « %s » , durante expansión en línea
la expresión regular sql no puede contener más de dos separadores escape - comilla doble
el elemento de nombre distinguido en el certificado ssl contiene un carácter null
defina un nombre de servidor ldap explícitamente .
cantidad máxima de locks de predicado por nodo de ejecución .
cantidad máxima de candados ( locks ) de predicado por transacción .
orden de shell que se invocará para archivar un archivo wal .
establece el tamaño de los archivos wal retenidos para los servidores standby .
define el tiempo a esperar antes de reintentar obtener wal después de un intento fallido .
define el id de transacción hasta el cual se ejecutará la recuperación .
configuración regional de clasificación de caracteres y conversión de mayúsculas .
muestra el modo del directorio de datos .
muestra la versión del servidor como un número entero .
indica si el servidor actual tiene activas las aseveraciones ( asserts ) activas .
el sistema permite %d , se requieren al menos %d .
el dueño de una publicación for tables in schema debe ser un superusuario .
esta operación no está soportada en tablas foráneas .
para desactivar la política para el dueño de la tabla , use alter table no force row level security .
para habilitar la actualización de la tabla , configure replica identity utilizando alter table .
use « \ r » para representar el retorno de carro .
use %s con refresh = false , o con copy_data = false , o use drop / create subscription .
utilice alter table . . . detach partition . . . finalize para completar la operación de desprendimiento pendiente .
use create extension para cargar el lenguaje en la base de datos .
use un campo csv entre comillas para representar el retorno de carro .
el usuario « %s » tiene contraseña expirada .
la consulta del usuario pudo haber necesitado examinar versiones de tuplas que debían eliminarse .
valores aceptables están entre « %f » y « %f » .
las vistas que contienen group by no son automáticamente actualizables .
las vistas con reglas do instead condicionales no son automáticamente actualizables .
el wal generado con full_page_writes = off fue restaurado desde el último restartpoint
se recibió una petición de apagado para el proceso receptor de wal
la cláusula where no puede usarse para una tabla particionada cuando %s es falso .
el nombre de consulta with « %s » fue especificado más de una vez
avisa acerca de escapes de backslash en literales de cadena corrientes .
cuando se asigna a un segmento de un array vacío , los bordes del segmento deben ser especificados completamente .
write - ahead log / configuraciones
xml no soporta valores infinitos de fecha .
puede especificar manualmente un nombre para el tipo de multirango usando el atributo « multirange_type_name » .
puede ser necesario incrementar max_worker_processes .
debe especificar una clase de operadores btree , o definir una clase de operadores por omisión para btree para el tipo de datos .
debería ejecutar imediatamente create user " %s " superuser ; .
cero registra todos los archivos . el valor por omisión es - 1 ( lo cual desactiva el registro ) .
una transacción que importa un snapshot no debe ser read only deferrable
método de acceso %s
no se permiten funciones de agregación en expresiones default
las funciones de agregación no pueden tener más de %d argumento
analizando « %s . %s »
la orden de archivado fue terminada con código %d no reconocido
el largo de la lista de argumentos debe ser exactamente %d
los argumentos declarados « %s » no son de tipos compatibles
array de serial no está implementado
los tipos de datos asociados deben ser especificados para una función de soporte de índice
el atributo %d tiene tipo erróneo
la autentificación falló para el usuario « %s » : método de autentificación no válido
el largo de la cadena de bits %d no coincide con el tipo bit ( %d )
las funciones btree de soporte de ordenamiento deben retornar void
no está permitido invocar procedimientos con argumentos de salida en funciones sql
no se adjuntar una relación temporal de otra sesión como partición
no se puede cambiar el método de acceso de una tabla particionada
no se puede cambiar el tipo de dato del valor por omisión de un parámetro
no se puede cambiar el dueño de la relación « %s »
no se puede reordenar en índice « %s » porque el método de acceso no soporta reordenamiento
no se puede reordenar en el índice no válido « %s »
no se puede copiar hacia la vista « %s »
no se puede crear un cursor with hold dentro de una operación restringida por seguridad
no se puede desconstruir un array como un objeto
no se puede eliminar la columna « %s » porque es parte de la llave de partición de la relación « %s »
no se puede ejecutar %s en una transacción de sólo lectura
no se puede importar un snapshot desde una base de datos diferente
no se pueden insertar múltiples órdenes en una sentencia preparada
no se puede bloquear la relación « %s »
no se puede abrir la relación « %s »
no se puede particionar usando más de %d columnas
no se puede hacer delete returning a la relación « %s »
no se puede hacer reindex de tablas temporales de otras sesiones
no se pueden restar timestamps infinitos
no se puede calcular logaritmo de un número negativo
no se puede usar « s » y « pl » / « mi » / « sg » / « pr » simultáneamente
no se puede usar una columna generada en llave de particionamiento
no se puede usar ldapbasedn , ldapbinddn , ldapbindpasswd , ldapsearchattribute , ldapsearchfilter o ldapurl junto con ldapprefix
no puede usar el índice no - inmediato « %s » como identidad de réplica
no se puede usar una subconsulta en un predicado de índice
no se puede usar una subconsulta en una expresión de estadísticas
la función de conversión debe ser una función normal
el número de carácter debe ser positivo
la “ collation ” « %s » no tiene versión actual , pero una versión fue registrada
la columna « %s » no es de tipo tsvector
la columna « %s » de la relación « %s » ya existe , omitiendo
el tipo de datos %s de la columna sólo puede tener almacenamiento plain
los privilegios de columna son sólo válidos para relaciones
un tipo compuesto %s no puede ser hecho miembro de sí mismo
conexión recibida : host = %s port = %s
la restricción « %s » de la relación « %s » no es una llave foránea o restricción « check »
no se pudo adjuntar al segmento de memoria compartida dinámica
no se pudo cerrar la tubería a la orden externa : %m
no se pudo convertir la tabla « %s » en vista porque tiene seguridad de registros activada
no se pudo crear ningún socket de dominio unix
no se pudo crear la configuración regional « %s » : %m
no se pudo determinar el tipo de dato para el argumento %d
no se pudo determinar qué ordenamiento ( collation ) usar para la expresión de índice
no se pudo encontrar un tipo de array para el tipo de dato %s
no se pudo encontrar el tipo de dato de elemento para el tipo de dato %s
no se pudo encontrar una estructura de replicación libre , incremente max_replication_slots
no se pudo lanzar el proceso receptor de wal : %m
no se pudo lanzar el nuevo proceso para la conexión : %m
no se pudo dar formato al valor inet : %m
no se pudo obtener datos de compromiso de transacción
no se pudo identificar una función de hash extendida para el tipo %s
no se pudo hacer que « %s » sea la clase de operadores por omisión para el tipo %s
no se pudo abrir el archivo « %s » ( bloque buscado %u ) : el segmento previo sólo tiene %u bloques
no se pudo leer la respuesta radius : %m
no se puede rebobinar el archivo temporal
base de datos « %s » debe ser limpiada antes de que %u más multixactid sea usado
base de datos %s
el formato de fecha / hora tiene huso horario pero no hora
ya existe una conversión por omisión desde %s a %s
no existe el procedimiento por omisión de conversión desde la codificación « %s » a « %s »
el búfer de destino es demasiado pequeño
borde de rango vació especificado para la partición « %s »
la extensión « %s » no está disponible
trayendo el archivo de historia del timeline para el timeline %u desde el servidor primario
el archivo « %s » no existe , leyendo como ceros
para select distinct , las expresiones en order by deben aparecer en la lista de resultados
el nombre de función « %s » no es único
no se permiten operaciones « grouping » en expresiones de índice
no se permiten operaciones « grouping » en expresiones de transformación
la autentificación gssapi no está soportada en conexiones locales
el registro hostgssenc no puede coincidir porque gssapi no está soportado en esta instalación
biblioteca « %s » incompatible : no se encuentra el bloque mágico
el índice « %s » no es válido
punto de código unicode no válido
instrucción de procesamiento xml no válida
marca de afijo « %s » no válida
especificación de borde no válida para partición de lista
secuencia de bytes no válida para codificación « %s » : %s
el registro del punto de control no es válido
datos de int2vector no válidos
el tipo de privilegio %s no es válido para un conector de datos externos
el tipo « %c » de mensaje del standby no es válido
valor no válido para la opción enum « %s » : %s
el método de ítem jsonpath . %s ( ) sólo puede aplicase a un array
última transacción completada al tiempo de registro %s
libxml2 tiene un tipo char incompatible : sizeof ( char ) = %zu , sizeof ( xmlchar ) = %zu .
escuchando en la dirección %s « %s » , port %d
a la relación destino de replicación lógica « %s . %s » le falta la columna replicada : %s
las vistas materializadas no pueden definirse usando parámetros enlazados
falta el huso horario en la cadena de entrada para el tipo timestamptz
existe más de una función llamada « %s »
una subconsulta utilizada como expresión retornó más de un registro
debe ser miembro del rol cuyo proceso se está terminando o ser miembro de pg_signal_backend
debe ser dueño del ordenamiento ( collation ) %s
debe ser dueño del objeto grande %s
debe ser superusuario para especificar el cedente ( grantor )
debe ser superusuario para ignorar una transacción
debe pedir al menos 2 puntos
el nuevo registro viola la política de seguridad de registros « %s » para la tabla « %s »
el nuevo timeline %u especificado no es hijo del timeline de sistema %u
nextval : se alcanzó el máximo valor de la secuencia « %s » ( %lld )
no hay una función binaria de entrada para el tipo %s
no hay roles definidos en esta base de datos
multixact más antiguo es demasiado antiguo
sólo un superusuario puede definir funciones « leakproof »
sólo relaciones temporales pueden ser creadas en los esquemas temporales
op any / all ( array ) requiere un array al lado derecho
la familia de operadores « %s » del método de acceso %s no tiene función de soporte para el operador %s
origen fuera de rango
la suma de verificación falló , se calculó %u pero se esperaba %u
no se puede cambiar el parámetro « %s »
el parámetro « %s » requiere un valor lógico ( booleano )
la partición « %s » ya tiene un desprendimiento pendiente en la tabla particionada « %s . %s »
la partición « %s » está en conflicto con la partición default « %s » existente
la cadena de carga es demasiado larga
permiso denegado a la tabla foránea %s
se ha denegado el permiso para cambiar el dueño de la suscripción « %s »
se ha denegado el permiso para crear tablas temporales en la base de datos « %s »
se ha denegado el permiso para finalizar la transacción preparada
el valor de oid de índice de pg_class no se definió en modo de actualización binaria
el valor de oid de pg_type no se definió en modo de actualización binaria
existe el slot de replicación física « %s » , pero wal_level < replica
el tipo record no ha sido registrado
deteniendo recuperación después de la ubicación ( lsn ) de wal « %X / %X »
renombrado el trigger « %s » en la relación « %s »
el nombre de slot de replicación « %s » contiene caracteres no válidos
requiere as
el tipo de retorno de la función de deserialización %s no es %s
rol %s
no existe la rutina %s ( %s ) , omitiendo
no existe la regla « %s » para la relación « %s »
la opción de secuencia « %s » no está soportada aquí
omitiendo analyze de « %s » - - - la relación ya no existe
el valor de inicio no puede ser infinito
el almacenamiento « %s » no es reconocido
el subcampo « %s » es de tipo %s pero la expresión es de tipo %s
error de sintaxis en tsquery : « %s »
no existe la tabla « %s »
el tablespace « %s » no está vacío
terminando el proceso walreceiver debido a una orden del administrador
el diccionario de búsqueda en texto « %s » no existe , omitiendo
el analizador de búsqueda en texto no soporta creación de encabezados ( headline )
el método « gettoken » del analizador de búsqueda en texto es obligatorio
el número de identificadores radius ( %d ) debe ser 1 o igual al número de servidores radius ( %d )
no hay ninguna función interna llamada « %s »
el tid ( %u , %u ) no es válido para la relación « %s »
hora fuera de rango
el huso horario « %s » parece usar segundos intercalares ( bisiestos )
el timestamp no puede ser nan
la precisión de timestamp ( %d ) debe estar entre %d y %d
demasiadas conexiones para la base de datos « %s »
no existe el tipo « %s »
tamaño del archivo wal « %s » inesperado
delimitador inesperado
parámetro del diccionario simple no reconocido : « %s »
uso inseguro de literal de cadena con escapes unicode
el límite superior no puede ser menor que el límite inferior
los tipos definidos por el usuario no pueden usar la función de subindexación %s
haciendo vacuum a « %s . %s »
el valor para « %s » en la cadena de origen está fuera de rango
la vista « %s » será una vista temporal
mientras se verificaba la unicidad de la tupla ( %u , %u ) en la relación « %s »
la ventana « %s » ya está definida
escribiendo el bloque %u de la relación %s
- - pebi muestra la salida en pebibytes
- u , - - uid < id , . . . > compara por ids reales
- l , - - list - name muestra el pid y el nombre del proceso
- o , - - omit - pid < pid , . . . > omite procesos con pid
- s n , - - seconds n se vuelve a mostrar cada n segundos
sucio
variable home no definida
inter :
no se pudo encontrar el ppid
no se pudo crear el archivo rc
- l , - - long no trunca las líneas largas
expresión regular mal formada : %s
no se puede asignar memoria para el proceso coincidente : %s
matado %s ( %s %d ) con la señal %d
proceso , ids de grupo y sesión
id grupo : %d id sesión : %d
id grupo t : %d
¿ señal %s ( %s %d ) ? ( s / n )
killall : no se puede obtener el uid a partir del estado del proceso
para obtener más ayuda , digite « \ ? » ( para órdenes internas ) o « \ help »
- r , - - record - separator = cadena separador de registros para salida desalineada
- a , - - echo - all mostrar las órdenes del script
- q , - - quiet modo silencioso ( sin mensajes , sólo resultados )
consulta , o 0
\ cd [ dir ] cambiar el directorio de trabajo actual
\ da [ s ] [ patrón ] listar funciones de agregación
\ dconfig [ + ] [ patrón ] listar parámetros de configuración
\ ddp [ patrón ] listar privilegios por omisión
\ errverbose mostrar error más reciente en máxima verbosidad
%s : nombre de codificación no válido o procedimiento de conversión no encontrado
tipos aplicables
manejador de llamada
ordenamiento
no se encontró ningún parámetro para el rol « %s » .
no se encontró una configuración de búsqueda en texto .
opciones de fdw : ( %s )
tiene oids : sí
listado de tablespaces
sin herencia
descripciones de objetos
restricción de partición : %s
llave de partición : %s
la orden no tiene resultado , o el resultado no tiene columnas .
digite \ ? para obtener ayuda .
use control - d para salir .
ahora está conectado a la base de datos « %s » como el usuario « %s » en el servidor « %s » port « %s » .
\ crosstabview : nombre de columna « %s » ambiguo
\ df no acepta la opción « %c » en un servidor versión %s
\ pset : estilos de línea unicode de columna permitidos son single , double
y opción_de_like es :
cambia la definición de una política de seguridad a nivel de registros
cambia la definición de un disparador
cambia de dueño a los objetos de propiedad de un rol de la base de datos
no se pudo iniciar el editor « %s »
tipo_de_dato
define un nuevo dominio
define una nueva vista
costo_de_ejecución
valor_enum_existente
de tabla « %s . %s »
nombre_de_formato
instala una extensión
número de línea no válido : %s
join_con_alias
nuevo_nombre_restricción
parámetroopclass
permanente
se alcanzó eof sin encontrar el / los \ endif de cierre
elimina un esquema
elimina un método de acceso
procres
restaura el valor de un parámetro de configuración al valor inicial
nombre_de_rol
nombre_de_esquema
id_de_snapshot
parámetro_de_suscripción
nombre_de_tablespace
nombredisparador
los valores disponibles son : %s .
valor « %s » no reconocido para « %s » : se esperaba booleano
nombre_opción_de_vista
cdrom con ubuntu 10 . 04 « lucid lynx »
cdrom con ubuntu 6 . 06 lts « dapper drake »
detalles
descargando archivo %(current)li de %(total)li a %(speed)s / s
conexión
iniciando . . .
opera en modo « sandbox » ( desactiva las órdenes e / r / w ) .
suprime la muestra automática del espacio de patrones
los comentarios no aceptan ninguna dirección
no se puede abrir el fichero %s : %s
la longitud del « buffer » de entrada de la expresión regular es mayor que int_max
` { ' sin pareja
- r , - - restrict restringe el acceso a grupo a sus miembros
- g , - - gid grupo nombre o identificador del grupo primario de
- k , - - skel dirskel utiliza este directorio « skeleton » alternativo
lastlog y faillog
%s : no se pudieron cambiar los dueños de %s : %s
%s : no se pudieron eliminar los ficheros tcb para %s : %s
%s : configuración incorrecta : gid_min ( %lu ) , gid_max ( %lu )
%s : sin memoria . no se pudo actualizar %s .
%s : no se pudo borrar %s
%s : se produjo un fallo al reiniciar la entrada de faillog del uid %lu : %s
%s : se produjo un fallo en la llamada a fork : %s
%s : campos demasiado largos
%s : fecha « %s » incorrecta
no se pudo cambiar el directorio raíz a « %s »
no se pudo conseguir el contexto del fichero
introduzca la nueva contraseña ( con un mínimo de %d caracteres )
duración máxima de la contraseña
la contraseña para %s no se ha modificado .
modo de uso : %s [ opciones ] grupo
se produjo un fallo al crear el directorio temporal
grupo %s : no existe el usuario %s
identificador « %lu » de usuario incorrecto
archivador 7 - zip
formato de intercambio de annodex
rom de atari lynx
documento chm
archivador cpio
imagen djvu
descripción de repositorio de flatpak
historial familiar de gedcom
datos geográficos en gpx
documento de gherkin
documento jad
documento de lotus word pro
subtítulos de microdvd
documento de microsoft works
código fuente en objective - c
archivo multimedia ogg
notación para juegos de ajedrez pgn
cabecera de mensaje cifrado pgp / mime
petición de certificados pkcs # 10
paquete rpm
imagen de disco en bruto ( comprimida con xz )
documento realmedia
código fuente en rust
hoja de cálculo sc / xspread
archivo de datos de spss
audio scream tracker 3
documento de skencil
software de unix
archivo de ayuda de winhelp
archivador zip
cd de audio
documento de texto enriquecido
punto de montaje
captura de paquetes de red
( código fuente )
permitir a las aplicaciones impedir la suspensión automática del sistema
necesita autenticarse para adquirir un intérprete de órdenes del equipo local .
necesita autenticarse para activar o desactivar dnssec .
necesita autenticarse para reiniciar el estado de « fallido » de « $ ( unit ) » .
indicar al cargador de arranque que inicie una entrada concreta
%s : el directorio fue renombrado antes de que se pudiera extraer su estado
%s : el tamaño del fichero ha disminuido en %s byte , se rellena con ceros
( tubería )
el archivo contiene %.*s donde se esperaba el valor numérico %s
el archivo está comprimido . utilice la opción %s
se sale con estado de fallo debido a errores anteriores
fecha de modificación inválida ( nanosegundos )
longitud de cinta inválida
la palabra clave %s no se puede sustituir
principal [ . secundario ]
argumento de densidad mal formado : %s
las opciones ' - aru ' son incompatibles con ' - f - '
desplazamiento fuera de rango
saltando a la siguiente cabecera
comienza por el miembro nombre - de - miembro al leer el archivo
error al analizar %s
filtra a través de prog ( debe aceptar - d )
genfile manipula ficheros de datos para la « suite » de pruebas gnu paxutils .
longitud de fichero solicitada %lu , efectiva %lu
lo mismo que - - format = v7
envía la salida detallada a fichero
especifica el patrón de exclusión para las claves xattr
al crear , lo mismo que - - old - archive ; al extraer , lo mismo que - - no - same - owner
- - ask - password pide las contraseñas
( suele ser ` index . html ' . )
- - ignore - case ignora mayús / minúsculas al encajar ficheros / directorios
- - limit - rate = velocidad limita velocidad de descarga a velocidad
- - no - use - server - timestamps no pone la hora / fecha del fichero local
- - no - warc - digests no calcula resúmenes sha1
por ' ; ' , para verificar contra el par
- - warc - max - size = number define tamaño máximo de ficheros warc a number
creada por el grabador de warc
%s ( usuario )
- x , - - exclude - directories = list lista de directorios excluidos
- k , - - convert - links hace que los enlaces en el html o css
%s está excluido / no - incluido por regex .
%s : no se pudo resolver la dirección " bind " %s ; desactivando bind .
creando enlace simbólico %s - > %s
la codificación %s no es válida
error en el saludo del servidor .
error en la respuesta del servidor , cerrando la conexión de control .
error al inicializar las acciones de fichero de spawn para use - askpass : %d
error al leer la respuesta de la orden " %s %s " : %s
acabado - - %s - -
opciones http :
el soporte https no ha sido compilado
direcciones ipv6 no soportadas
índice de / %s en %s : %d
no se han encontrado urls en %s .
reintentando .
reutilizando la conexión existente a [ %s ] : %d .
para conectar inseguramente a %s , use ` - - no - check - certificate ' .
se ha encontrado una secuencia multibyte inconvertible
aviso : no se ha puesto nombre de usuario con - - ask - password . normalmente no es eso lo que se desea hacer .
se situará en el único fichero que ha especificado .
aviso : usando una semilla aleatoria débil .
falló : temporizó .
falló idn_encode ( %d ) : %s
proyectos
3er nivel de tecla menu
alt está cambiado con la tecla windows
armenio ( fonético )
bielorruso ( latino )
bereber ( argelia , latin )
búlgaro ( fonética tradicional )
cœur d’alene salish
ctrl + mayús
portátil dell precision m
inglés ( canadá )
inglés ( colemak - dh )
inglés ( dvorak , internacional con teclas muertas )
inglés ( colemak - dh )
inglés ( las teclas dividir / multiplicar cambian la distribución )
estonio ( sun tipo 6 / 7 )
pc genérico 101 teclas
alemán ( neo 2 )
alemán ( qwerty )
indio
iraquí
italiano ( sun tipo 6 / 7 )
japonés ( kana 86 )
japonés ( macintosh )
kirguí ( fonético )
ctrl izquierdo como meta
lituano ( sun tipo 6 / 7 )
mongol ( manchu galik )
carácter de espacio no separable en el tercer nivel , nada en el cuarto nivel
noruego ( dvorak )
polaco ( dvorak , comillas polacas en la tecla 1 )
portugués ( brasil , nativo )
ruso ( políglota y reaccionario )
ruso ( fonético )
serbio ( latino unicode , qwerty )
serbio ( latino con guillemots )
eslovaco ( contrabarra extendida )
sun tipo 7 usb ( distribución japonesa ) / japonés 106 teclas
sun tipo 7 usb ( distribución unix )
intercambiar tecla windows izquierda con tecla ctrl izquierda
verdaderamente ergonómico 229
ucraniano ( teclas windows )
ucraniano ( arcaico )
espacio usual en cualquier nivel
error al obtener las opciones de estado de fichero de la entrada estándar : %s
cualquiera
no se puede capturar con %s ( %s ) , no tiene interfaz vbi estándar .
koi8 - u ( ucraniano )
probablemente no es un dispositivo v4l2 .
