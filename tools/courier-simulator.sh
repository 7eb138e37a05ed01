#!/usr/bin/env bash
# Plays a courier's tracking of one parcel against a running LotAstro API, for local development: picked up, in
# transit, at the transfer hub, out for delivery, delivered. Each event is signed the Standard Webhooks way with the
# courier's signing secret, as the courier would sign it, and sent to POST /v1/integration/couriers/{code}/events.
#
#   tools/courier-simulator.sh --courier hizli --secret whsec_... --key lak_... --tracking HZ-1001
#
# Options (each also read from the environment variable in brackets):
#   --api URL        the API (LOTASTRO_API, default http://localhost:8080)
#   --key KEY        an API key holding integration:courier (COURIER_KEY)
#   --courier CODE   the courier's code, e.g. hizli (COURIER_CODE)
#   --secret SECRET  the courier's signing secret, whsec_... (COURIER_SECRET)
#   --tracking NO    the tracking number of a ready shipment of that courier (TRACKING_NUMBER)
#   --hub NAME       the transfer hub named in the "at hub" event (default Ankara transfer hub)
#   --delay SECONDS  pause between events (default 1)
#   --until STATUS   stop after this carrier status: picked_up, in_transit, out_for_delivery or delivered
#
# The events happened one hour apart, the last one a minute ago. Their ids are derived from the tracking number, so
# playing the same parcel again is a replay the API answers with the first outcomes and changes nothing.
# Prints one line per event: its id, the carrier status and the API's answer. Needs bash, curl, openssl, base64, od.
set -euo pipefail

api=${LOTASTRO_API:-http://localhost:8080}
key=${COURIER_KEY:-}
courier=${COURIER_CODE:-}
secret=${COURIER_SECRET:-}
tracking=${TRACKING_NUMBER:-}
hub="Ankara transfer hub"
delay=1
until=delivered

usage() {
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --api) api=$2; shift 2 ;;
    --key) key=$2; shift 2 ;;
    --courier) courier=$2; shift 2 ;;
    --secret) secret=$2; shift 2 ;;
    --tracking) tracking=$2; shift 2 ;;
    --hub) hub=$2; shift 2 ;;
    --delay) delay=$2; shift 2 ;;
    --until) until=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
for required in key courier secret tracking; do
  if [ -z "${!required}" ]; then
    echo "missing --$required" >&2
    usage
  fi
done
case "$until" in picked_up|in_transit|out_for_delivery|delivered) ;; *) echo "--until: not a carrier status: $until" >&2; exit 2 ;; esac
case "$secret" in whsec_*) ;; *) echo "--secret: a courier's signing secret starts with whsec_" >&2; exit 2 ;; esac

hexkey=$(printf '%s' "${secret#whsec_}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
now=$(date -u +%s)

# status|detail|hours before now (the last event happened a minute ago)
steps=(
  "picked_up|Picked up from the sender|4"
  "in_transit|Left the sender's branch|3"
  "in_transit|At $hub|2"
  "out_for_delivery|Out for delivery with the courier|1"
  "delivered|Delivered to the recipient|0"
)

n=0
failed=0
for step in "${steps[@]}"; do
  n=$((n + 1))
  IFS='|' read -r status detail hours <<<"$step"
  occurred=$(date -u -d "@$((now - hours * 3600 - 60))" +%Y-%m-%dT%H:%M:%SZ)
  id="sim-${tracking}-${n}"
  body='{"id":"'$id'","tracking_number":"'$tracking'","status":"'$status'","occurred_at":"'$occurred'","detail":"'$detail'"}'
  ts=$(date -u +%s)
  signature=$(printf '%s' "$id.$ts.$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hexkey" -binary | base64)
  answer=$(curl -sS -w '\n%{http_code}' "$api/v1/integration/couriers/$courier/events" \
    -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -H "webhook-id: $id" -H "webhook-timestamp: $ts" -H "webhook-signature: v1,$signature" -d "$body")
  code=${answer##*$'\n'}
  echo "$id $status $code ${answer%$'\n'*}"
  case "$code" in 2??) ;; *) failed=1 ;; esac
  if [ "$status" = "$until" ] && [ "$until" != in_transit ] || { [ "$until" = in_transit ] && [ "$n" -eq 3 ]; }; then
    break
  fi
  if [ "$n" -lt "${#steps[@]}" ] && [ "$delay" != 0 ]; then
    sleep "$delay"
  fi
done
exit $failed
