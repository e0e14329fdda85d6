# The reference server for a client in any language, here curl, then the suite against the same server.
# Start it from the installed bin (npx does not pass a signal on to the command it runs, so `kill` would miss it).
node_modules/.bin/conformance serve --port 0 > serve.txt &
server=$!
until [ -s serve.txt ]; do sleep 0.2; done
export $(head -n 1 serve.txt) # CONFORMANCE_TARGET, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN

auth="$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN"
conversation=$(curl -sf -u "$auth" -d FriendlyName=demo "$CONFORMANCE_TARGET/v1/Conversations" | grep -o '"sid": *"CH[0-9a-f]*"' | grep -o 'CH[0-9a-f]*')
curl -sf -u "$auth" --data-urlencode 'Body=Ahoy from curl' "$CONFORMANCE_TARGET/v1/Conversations/$conversation/Messages" > /dev/null
curl -sf -u "$auth" "$CONFORMANCE_TARGET/v1/Conversations/$conversation/Messages" | grep -q '"body": *"Ahoy from curl"'

# The suite from another process, with the credentials serve printed (from the environment): CONFORMANT, exit 0.
npx conformance --target "$CONFORMANCE_TARGET" --quiet

kill "$server" # SIGTERM: the server closes and exits 0
wait "$server"
