#!/usr/bin/env bash
# Certify a clone in four shards, then check all a reader of the certificate can check. Set in the environment:
#   TARGET                                  the clone's base URL (without /v1)
#   TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN   its credentials (never written to the bundle)
#   KEY, PUBLIC_KEY                         the certifier's Ed25519 key pair, PEM (conformance keygen DIR makes one)
#   RUNS                                    inputs per property (default 10000); SELECT: requirement prefixes (default all)
set -euo pipefail
conformance() { ${CONFORMANCE:-npx conformance} "$@"; }
SEED=20261127
RECORDINGS=()

# 1. Each shard (a machine of a CI matrix) keeps its bundle: its JSON report and its recording, verified at once.
#    Exit 1 is a verdict (NOT CONFORMANT), not an error; exit 2 stops the script.
for i in 1 2 3 4; do
  conformance ${SELECT:-} --target "$TARGET" --seed $SEED --runs "${RUNS:-10000}" --shard "$i/4" \
    --record "cert/shard-$i/recording" --report "json:cert/shard-$i/report.json" --quiet || [ $? -eq 1 ]
  conformance verify "cert/shard-$i"
  RECORDINGS+=(--recording "cert/shard-$i/recording")
done

# 2. One certificate from the four shards; the certifier signs the whole folder (shard bundles included).
conformance merge cert/shard-{1,2,3,4}/report.json \
  --report json:cert/report.json --report html:cert/certificate.html --quiet || [ $? -eq 1 ]
conformance sign cert --key "$KEY"

# 3. What anyone with the public key can check: nothing in the folder changed since it was signed, the merged report
#    is what the four recordings show (replayed offline), and a sample re-run against the clone agrees.
conformance verify cert "${RECORDINGS[@]}" --public-key "$PUBLIC_KEY" --against "$TARGET" --sample 5
