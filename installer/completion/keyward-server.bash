# bash completion for keyward-server (and `keyward`, the console, which takes the same commands).
# Installed as /usr/share/bash-completion/completions/keyward-server; tests/cli/completion.sh
# checks it against `keyward-server --help`.

_keyward_server()
{
    local cur prev words cword
    _init_completion || return

    local commands="serve migrate admin import export audit keys backup restore check-config user role apikey session client webhook"
    local -A subcommands=(
        [admin]="create"
        [audit]="verify"
        [keys]="rotate"
        [user]="list show create disable enable unlock delete restore reset-password revoke-sessions"
        [role]="list"
        [apikey]="create list revoke"
        [session]="list"
        [client]="create list new-secret delete"
        [webhook]="create list deliveries resend enable disable new-secret delete"
    )

    case "$prev" in
        --data-dir|--config)
            _filedir -d
            return ;;
        --password-file|--output|--master-key-file|--tls-cert|--tls-key|--log-file)
            _filedir
            return ;;
        --format)
            COMPREPLY=($(compgen -W "auto keyward keycloak kratos zitadel auth0 csv json" -- "$cur"))
            return ;;
        --status)
            COMPREPLY=($(compgen -W "active disabled" -- "$cur"))
            return ;;
        --type)
            COMPREPLY=($(compgen -W "public confidential" -- "$cur"))
            return ;;
        --grant)
            COMPREPLY=($(compgen -W "authorization_code refresh_token client_credentials" -- "$cur"))
            return ;;
        --auth-method)
            COMPREPLY=($(compgen -W "client_secret_basic client_secret_post none" -- "$cur"))
            return ;;
        --log-format)
            COMPREPLY=($(compgen -W "text json" -- "$cur"))
            return ;;
        --jwt-alg)
            COMPREPLY=($(compgen -W "RS256 EdDSA ES256" -- "$cur"))
            return ;;
        --master-key-store)
            COMPREPLY=($(compgen -W "file keychain" -- "$cur"))
            return ;;
    esac

    # The options, and those that take a value, as this binary's --help lists them.
    local help
    help=$("${words[0]}" --help 2>/dev/null)
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$(grep -oE -- '--[a-z][a-z0-9-]*' <<<"$help" | sort -u)" -- "$cur"))
        return
    fi
    local valued=" $(grep -oE -- '--[a-z][a-z0-9-]* <' <<<"$help" | tr -d '<' | tr '\n' ' ') "
    [[ "$valued" == *" $prev "* ]] && return # a value of the operator's own: nothing to offer

    # The command is the first word that is neither an option nor an option's value.
    local i command="" sub=""
    for ((i = 1; i < cword; i++)); do
        case "${words[i]}" in
            -*)
                [[ "$valued" == *" ${words[i]} "* ]] && ((i++)) ;;
            *)
                if [[ -z "$command" ]]; then
                    command="${words[i]}"
                elif [[ -z "$sub" ]]; then
                    sub="${words[i]}"
                fi ;;
        esac
    done
    if [[ -z "$command" ]]; then
        COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    elif [[ -z "$sub" && -n "${subcommands[$command]:-}" ]]; then
        COMPREPLY=($(compgen -W "${subcommands[$command]}" -- "$cur"))
    elif [[ "$command" == import || "$command" == backup || "$command" == restore ]]; then
        _filedir
    fi
} &&
    complete -F _keyward_server keyward-server keyward
