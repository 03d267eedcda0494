func.func @a() -> i32 {
  %0 = "u.relu"(%1) : (i32) -> i32
  return %0 : i32
}
func.func @b() {
  %1 = "u.param"() : () -> i32
  %2 = "u.relu"(%1 : (i32) -> i32
  return
}
