package dev.jmake.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bash completion script for jmake, from the parser's switch table and {@link JmakeOption}: option names, the words
 * an option's value may be ({@code --trace=} completes to the trace modes), directories after {@code -C} and
 * {@code -I}, files after {@code -f}, {@code -o}, {@code -W} and {@code --trace-report}, and targets: those the
 * makefile names, as {@code jmake -npq} prints its database (bash-completion's way for make). zsh runs it through
 * {@code bashcompinit}. Without targets, a word completes as a file name.
 */
public final class BashCompletion {
    /** GNU make 4.3's {@code --debug} letters (decode_debug_flags). */
    private static final List<String> DEBUG_FLAGS = List.of("a", "b", "v", "i", "j", "m", "n");
    private static final Set<Switch> DIRECTORY_VALUED = Set.of(Switch.DIRECTORY, Switch.INCLUDE_DIR);
    private static final Set<Switch> FILE_VALUED = Set.of(Switch.FILE, Switch.OLD_FILE, Switch.WHAT_IF,
            Switch.TRACE_REPORT, Switch.COMPILE_COMMANDS);
    /** The switches that choose which makefile the targets come from: passed on to the run that lists them. */
    private static final Set<Switch> CHOOSING_THE_MAKEFILE = Set.of(Switch.DIRECTORY, Switch.FILE,
            Switch.INCLUDE_DIR);

    private BashCompletion() {
    }

    /** The script; sourcing it defines {@code _jmake} and registers it for {@code jmake}. */
    public static String script() {
        Map<String, Switch.Arg> longOptions = new LinkedHashMap<>();
        List<String> directoryOptions = new ArrayList<>();
        List<String> fileOptions = new ArrayList<>();
        List<String> makefileOptions = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        for (Switch s : Switch.values()) {
            s.letter().ifPresent(letter -> {
                words.add("-" + letter);
                if (CHOOSING_THE_MAKEFILE.contains(s)) {
                    makefileOptions.add("-" + letter);
                }
                if (DIRECTORY_VALUED.contains(s)) {
                    directoryOptions.add("-" + letter);
                } else if (FILE_VALUED.contains(s)) {
                    fileOptions.add("-" + letter);
                }
            });
        }
        for (Switch.LongName name : Switch.longNames()) {
            if (!name.target().internal()) {
                longOptions.put(name.name(), name.target().arg());
                if (CHOOSING_THE_MAKEFILE.contains(name.target())) {
                    makefileOptions.add("--" + name.name());
                }
                if (DIRECTORY_VALUED.contains(name.target())) {
                    directoryOptions.add("--" + name.name());
                } else if (FILE_VALUED.contains(name.target())) {
                    fileOptions.add("--" + name.name());
                }
            }
        }
        for (JmakeOption option : JmakeOption.values()) {
            longOptions.putIfAbsent(option.longName(), option.arg());
        }
        longOptions.forEach((name, arg) -> {
            if (arg != Switch.Arg.REQUIRED) {
                words.add("--" + name);
            }
            if (arg != Switch.Arg.NONE) {
                words.add("--" + name + "=");
            }
        });
        StringBuilder valueCases = new StringBuilder();
        for (Map.Entry<String, List<String>> values : valueWords().entrySet()) {
            valueCases.append("        --").append(values.getKey()).append(") words='")
                    .append(String.join(" ", values.getValue())).append("' ;;\n");
        }
        String directories = String.join("|", directoryOptions);
        String files = String.join("|", fileOptions);
        return TEMPLATE.replace("@OPTIONS@", String.join(" ", words))
                .replace("@VALUE_CASES@", valueCases.toString())
                .replace("@DIRECTORY_OPTIONS@", directories)
                .replace("@FILE_OPTIONS@", files)
                .replace("@MAKEFILE_OPTIONS@", String.join("|", makefileOptions));
    }

    /** The words each long option's value may be, by long name. */
    private static Map<String, List<String>> valueWords() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("debug", DEBUG_FLAGS);
        values.put("output-sync", java.util.Arrays.stream(OutputSync.values()).map(OutputSync::word).toList());
        for (JmakeOption option : JmakeOption.values()) {
            if (!option.completions().isEmpty()) {
                values.put(option.longName(), option.completions());
            }
        }
        return values;
    }

    private static final String TEMPLATE = """
            # bash completion for jmake, generated from jmake's option table: source it from ~/.bashrc.
            # zsh: autoload -U +X bashcompinit && bashcompinit && source this file.
            _jmake() {
                local cur=${COMP_WORDS[COMP_CWORD]} prev= option= value= prefix= words=
                (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
                COMPREPLY=()
                # A value after '=': bash splits --trace=wa into '--trace' '=' 'wa' ('=' is in COMP_WORDBREAKS);
                # zsh's bashcompinit and a COMP_WORDBREAKS without '=' leave one word, and want it whole back.
                if [[ $cur == = ]]; then
                    option=$prev
                elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
                    option=${COMP_WORDS[COMP_CWORD-2]} value=$cur
                elif [[ $cur == --*=* ]]; then
                    option=${cur%%=*} value=${cur#*=} prefix=${cur%%=*}=
                fi
                if [[ -n $option ]]; then
                    case $option in
            @VALUE_CASES@        @DIRECTORY_OPTIONS@) COMPREPLY=($(compgen -P "$prefix" -d -- "$value")); return 0 ;;
                    @FILE_OPTIONS@) COMPREPLY=($(compgen -P "$prefix" -f -- "$value")); return 0 ;;
                    *) return 0 ;;
                    esac
                    COMPREPLY=($(compgen -P "$prefix" -W "$words" -- "$value"))
                    return 0
                fi
                case $prev in
                    @DIRECTORY_OPTIONS@) COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
                    @FILE_OPTIONS@) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
                esac
                if [[ $cur == -* ]]; then
                    COMPREPLY=($(compgen -W '@OPTIONS@' -- "$cur"))
                    # --file= wants its value next to it, not after a blank.
                    [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
                    return 0
                fi
                # Targets, from the makefile the words so far choose; none: bash falls back to file names.
                local -a makefile_args=()
                local i
                for (( i = 1; i < COMP_CWORD - 1; i++ )); do
                    case ${COMP_WORDS[i]} in
                        @MAKEFILE_OPTIONS@) makefile_args+=("${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}") ;;
                    esac
                done
                COMPREPLY=($(compgen -W "$(_jmake_targets "${COMP_WORDS[0]}" "${makefile_args[@]}")" -- "$cur"))
                return 0
            }

            # _jmake_targets JMAKE ARGS...: the targets in the database JMAKE -npq prints (no recipe runs), less
            # pattern rules, special targets and the files GNU marks "Not a target" (makefiles, implicit candidates).
            _jmake_targets() {
                "$@" -npq __JMAKE_COMPLETION__=1 .DEFAULT 2>/dev/null | awk '
                    /^# Files/, /^# Finished Make data base/ {
                        if ($0 == "# Not a target:") { getline; next }
                        if ($0 ~ /^[^#\t.%][^:=%]*:([^=]|$)/) { sub(/:.*/, ""); print }
                    }' | sort -u
            }
            complete -o default -F _jmake jmake
            """;
}
