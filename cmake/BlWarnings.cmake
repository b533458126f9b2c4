# bl_warnings: one INTERFACE target carrying the project's warning flags. Link it PRIVATE so
# the flags never leak into anything that consumes our libraries.
add_library(bl_warnings INTERFACE)
target_compile_options(bl_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
option(BL_WERROR "Treat warnings as errors" OFF)
if(BL_WERROR)
  target_compile_options(bl_warnings INTERFACE -Werror)
endif()
