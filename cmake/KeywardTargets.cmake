# Compile settings shared by every Keyward target: strict Qt and strict warnings.
function(keyward_strict target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS QT_NO_FOREACH
        QT_DISABLE_DEPRECATED_UP_TO=0x060400)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2)
    # Debian's hardening (dpkg-buildflags): stack protector, fortified libc calls, read-only relocations.
    target_compile_options(${target} PRIVATE -fstack-protector-strong
        $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
    target_link_options(${target} PRIVATE -Wl,-z,relro -Wl,-z,now)
    if(KEYWARD_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
