# One place for the warning set (cmark/md4c habit); -Werror only when TP_WERROR (CI).
function(tp_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes
                         -Wmissing-prototypes -Wno-unused-parameter)
  if(TP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
