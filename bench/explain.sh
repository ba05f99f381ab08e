#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of every statement on the hot paths, at the generated scale:
#   * each statement the server issued for one dashboard, diary page, diaryAccess and sendInvitation request
#     (the logs of bench/capture-sql.sh), with its bind parameters put back in;
#   * the activation job's statements for one batch of 500 (bench/explain-activation.sql).
# Writes changes inside a transaction that is rolled back. Full plans go to $BENCH_RESULTS/plans.txt; prints a
# markdown summary: per statement, execution time and any sequential scan of a table over 10,000 rows.
# Usage: bench/explain.sh   (after bench/capture-sql.sh)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
plans=$BENCH_RESULTS/plans.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One psql script per request: its statements in order (the log's "execute"/"statement" lines with their
# continuation lines), the DETAIL line's parameters substituted for $1, $2, ... (highest first, so $1 does
# not eat $10), each explained after an "\echo -- <request>-<n>: <first words>" marker, all in one
# transaction that is rolled back (so an insert's rows exist for the next statement, as in the server).
for name in dashboard diary diary-access send-invitation; do
    log=$BENCH_RESULTS/sql-$name.log
    [[ -s $log ]] || { echo "No $log: run bench/capture-sql.sh first" >&2; exit 1; }
    perl -e '
        my $name = $ARGV[0];
        local $/; my $text = <STDIN>;
        my @entries = split /\n(?=\d{4}-\d\d-\d\d )/, $text;
        my ($n, $sql) = (0, undef);
        print "set search_path = ediary;\nbegin;\n";
        my $flush = sub {
            return unless defined $sql;
            my $s = $sql; undef $sql;
            return if $s =~ /^\s*(BEGIN|COMMIT|ROLLBACK|SET|SHOW)\b/i;
            $n++;
            (my $first = $s) =~ s/\s+/ /g;
            $first = substr($first, 0, 60); $first =~ s/[|\x27\\]/ /g;
            printf "\\echo -- %s-%02d: %s\nexplain (analyze, buffers) %s;\n", $name, $n, $first, $s;
        };
        for my $e (@entries) {
            if ($e =~ /LOG:\s+(?:execute [^:]+|statement): (.*)\z/s) { $flush->(); $sql = $1; }
            elsif ($e =~ /DETAIL:\s+parameters: (.*)\z/s && defined $sql) {
                my %p; my $d = $1;
                while ($d =~ /\$(\d+) = ((?:\x27(?:[^\x27]|\x27\x27)*\x27)|NULL)/g) { $p{$1} = $2; }
                for my $i (sort { $b <=> $a } keys %p) { $sql =~ s/\$$i\b/$p{$i}/g; }
            }
        }
        $flush->();
        print "rollback;\n";
    ' "$name" < "$log" > "$work/$name.sql"
done

: > "$plans"
echo "| statement | first words | execution ms | sequential scans of large tables |"
echo "|---|---|---|---|"
large=$(psql_bench -At -c "select string_agg(relname, '|') from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'ediary' and c.relkind = 'r' and c.reltuples > 10000")
for file in "$work/dashboard.sql" "$work/diary.sql" "$work/diary-access.sql" "$work/send-invitation.sql" \
    "$BENCH_DIR/explain-activation.sql"; do
    output=$(psql_bench -v ON_ERROR_STOP=0 -f "$file" 2>&1 || true)
    echo "$output" >> "$plans"
    awk -v large="$large" '
        function row() {
            if (stmt != "") printf "| %s | `%s` | %s | %s |\n", id, words, (ms == "" ? "error" : ms), (seq == "" ? "none" : seq)
        }
        /^-- / {row(); stmt = substr($0, 4); id = stmt; sub(/:.*/, "", id); words = stmt; sub(/^[^:]*: ?/, "", words)
                if (words == stmt) words = id; seq = ""; ms = ""}
        /Seq Scan on/ {for (i = 1; i <= NF; i++) if ($i == "on") t = $(i + 1); if (t ~ "^(" large ")$" && index(seq, t) == 0) seq = seq " " t}
        /Execution Time:/ {ms = $3}
        /ERROR:/ {ms = ""}
        END {row()}
    ' <<< "$output"
done
echo
echo "Full plans: $plans"
