# FNF_SANITIZE=address,undefined | thread: instruments everything built here.
if(FNF_SANITIZE)
  add_compile_options(-fsanitize=${FNF_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${FNF_SANITIZE})
endif()
