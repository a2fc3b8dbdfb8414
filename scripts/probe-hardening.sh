#!/usr/bin/env bash
# Probes a running Jiyun from outside for issue 14's findings 1-5, as the demo users (password demo).
# Usage: scripts/probe-hardening.sh [base URL, default http://localhost:8080]
# Prints one line per probe: method, path, role, status, the expected status and PASS or FAIL; then a summary.
# A probe may also require the answer to contain (or, with !, not to contain) a text: the field a problem must name.
set -uo pipefail
BASE="${1:-http://localhost:8080}"
BASE="${BASE%/}"
PASS=0
FAIL=0
SERVER_ERRORS=0
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# probe ROLE METHOD PATH EXPECTED [BODY] [CHECK]
#   ROLE: coop-admin, courier-1, seller-1 or anonymous; EXPECTED: 400, 4xx or 200|201; BODY: JSON ('' for none);
#   CHECK: a text the headers and body must hold, or !text they must not.
probe() {
    local role="$1" method="$2" path="$3" expected="$4" body="${5:-}" check="${6:-}"
    local args=(-s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X "$method")
    [[ "$role" != anonymous ]] && args+=(-u "$role:demo")
    [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    local status
    status="$(curl "${args[@]}" "$BASE$path" 2>/dev/null)" || status="000"
    local verdict=PASS reason=""
    if ! [[ "$status" =~ ^(${expected//x/[0-9]})$ ]]; then
        verdict=FAIL
    elif [[ -n "$check" ]]; then
        if [[ "$check" == !* ]]; then
            grep -qiF -- "${check#!}" "$WORK/headers" "$WORK/body" && { verdict=FAIL; reason=" (holds '${check#!}')"; }
        else
            grep -qiF -- "$check" "$WORK/headers" "$WORK/body" || { verdict=FAIL; reason=" (lacks '$check')"; }
        fi
    fi
    [[ "$status" == 5* ]] && SERVER_ERRORS=$((SERVER_ERRORS + 1))
    if [[ "$verdict" == PASS ]]; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); fi
    printf '%-6s %-62s %-10s %s expected %-8s %s%s\n' "$method" "${path:0:62}" "$role" "$status" "$expected" \
        "$verdict" "$reason"
}

json() { curl -s -u "$1:demo" "$BASE$2"; }

# page ROLE PATH EXPECTED: the pages take the form login (HTTP Basic is for the API), so log in through it first
page() {
    local role="$1" path="$2" expected="$3" jar="$WORK/jar-$1" token status verdict=FAIL
    if [[ ! -f "$jar" ]]; then
        token="$(curl -s -c "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)"
        curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$role" --data-urlencode "password=demo" \
            --data-urlencode "_csrf=$token" "$BASE/login"
    fi
    status="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$BASE$path")" || status=000
    [[ "$status" =~ ^(${expected//x/[0-9]})$ ]] && verdict=PASS
    [[ "$status" == 5* ]] && SERVER_ERRORS=$((SERVER_ERRORS + 1))
    if [[ "$verdict" == PASS ]]; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); fi
    printf '%-6s %-62s %-10s %s expected %-8s %s\n' GET "$path (page)" "$role" "$status" "$expected" "$verdict"
}

HUB_ID="$(json coop-admin '/api/hubs?size=1&sort=id' | jq -r '.content[0].id // 1')"
SHOP="$(json coop-admin '/api/shops?size=1&sort=id' | jq -c '.content[0] // {}')"
SHOP_ID="$(jq -r '.id // 1' <<<"$SHOP")"
SHOP_PLATFORM="$(jq -r '.platform // "DOUYIN"' <<<"$SHOP")"
PLATFORM_SHOP_ID="$(jq -r '.shopId // "none"' <<<"$SHOP")"
SHOP_NAME="$(jq -r '.name // ""' <<<"$SHOP")"
ORDER_ID="$(json coop-admin '/api/orders?size=1&sort=id' | jq -r '.content[0].id // 1')"
YESTERDAY="$(TZ=Asia/Shanghai date -d yesterday +%F)"
HUB='{"name":"探针集散中心","address":"利通区物流园 8 号","countyCode":"640302","location":{"latitude":37.99,"longitude":106.20},'
PRODUCER='"contactName":"马先生","phone":"13900000000","address":"测试村 1 组","countyCode":"640521","location":{"latitude":37.49,"longitude":105.68},"shipsChilled":false,"pickupWindows":[{"startsAt":"08:00","endsAt":"18:00"}]'

echo "# 1. a courier reads no order; the other roles as the README says"
probe courier-1  GET  '/api/orders?size=1' 403
probe courier-1  GET  "/api/orders/$ORDER_ID" 403
page  courier-1  '/orders' 403
page  courier-1  "/orders/$ORDER_ID" 403
page  seller-1   '/orders' 200
page  courier-1  '/manifests' 200
probe seller-1   GET  '/api/orders?size=1' 200
probe coop-admin GET  "/api/orders/$ORDER_ID" 200
probe courier-1  GET  '/api/hubs?size=1' 200
probe courier-1  POST '/api/hubs' 403 "${HUB}\"opensAt\":\"07:00\",\"closesAt\":\"20:00\",\"carrierCutoff\":\"17:30\"}"
probe seller-1   GET  '/api/producers?size=1' 403
probe anonymous  GET  '/api/orders?size=1' 401

echo "# 2. a bad page, size, sort or bbox is a 400 naming it, never a 500 nor silently clamped"
probe coop-admin GET '/api/orders?sort=nonexistent' 400 '' '"sort"'
probe seller-1   GET '/api/orders?sort=nonexistent' 400 '' '"sort"'
probe coop-admin GET '/api/producers?sort=nonexistent' 400 '' '"sort"'
probe courier-1  GET '/api/hubs?sort=nonexistent' 400 '' '"sort"'
probe coop-admin GET '/api/shops?sort=accessToken' 400 '' '"sort"'
probe coop-admin GET '/api/orders?bbox=NaN,NaN,NaN,NaN' 400 '' '"bbox"'
probe coop-admin GET '/api/orders?page=2147483647&size=2000' 400 '' '"page"'
probe coop-admin GET '/api/orders?page=-1' 400 '' '"page"'
probe coop-admin GET '/api/orders?size=-5' 400 '' '"size"'
probe coop-admin GET '/api/producers?hubId=1&withinKm=NaN' 400 '' 'withinKm'

echo "# 3. values that are wrong though well-formed are refused"
probe coop-admin POST '/api/orders' 400 "{\"shopId\":$SHOP_ID,\"platformOrderId\":\"probe-2099\",\"paidAt\":\"2099-01-01T00:00:00Z\",\"lines\":[{\"platformSku\":\"x\",\"quantity\":1,\"amountFen\":100}]}" '"paidAt"'
probe coop-admin POST '/api/plans' 400 "{\"hubIds\":[$HUB_ID],\"days\":1,\"firstDay\":\"$YESTERDAY\"}" '"firstDay"'
probe coop-admin POST '/api/plans' 400 "{\"hubIds\":[$HUB_ID],\"days\":1.5}" '"days"'
probe coop-admin POST '/api/vehicles' 400 "{\"homeHubId\":$HUB_ID,\"name\":\"探针车\",\"plate\":\"宁E·99999\",\"capacityKg\":500,\"capacityLitres\":2000,\"refrigerated\":false,\"costPerKmFen\":1.5,\"fixedCostPerDayFen\":100,\"shiftStart\":\"07:30\",\"shiftEnd\":\"18:30\"}" '"costPerKmFen"'
probe coop-admin POST '/api/producers' 400 "{\"name\":\"\\u200b\\u3000 \",$PRODUCER}" '"name"'
probe coop-admin POST '/api/hubs' 400 "${HUB}\"opensAt\":\"24:00\",\"closesAt\":\"20:00\",\"carrierCutoff\":\"17:30\"}" '"opensAt"'
probe coop-admin POST '/api/hubs' 400 "${HUB}\"opensAt\":[7,0],\"closesAt\":\"20:00\",\"carrierCutoff\":\"17:30\"}" '"opensAt"'
probe coop-admin POST '/api/shops' 400 '{"platform":0,"shopId":"probe0","name":"探针店"}' '"platform"'
probe coop-admin POST '/api/vehicles' 400 "{\"homeHubId\":$HUB_ID,\"name\":\"探针车\",\"plate\":\"宁E·99998\",\"capacityKg\":18446744073709551616,\"capacityLitres\":2000,\"refrigerated\":false,\"costPerKmFen\":1,\"fixedCostPerDayFen\":100,\"shiftStart\":\"07:30\",\"shiftEnd\":\"18:30\"}" '"capacityKg"'

echo "# 4. error bodies name the field and never the service's classes; a 403 is a problem too"
probe coop-admin POST '/api/producers' 400 '' '!cn.jiyun'
probe coop-admin POST '/api/producers' 400 '[]' '!cn.jiyun'
probe coop-admin POST '/api/hubs' 400 "${HUB}\"opensAt\":\"25:00\",\"closesAt\":\"20:00\",\"carrierCutoff\":\"17:30\"}" '"opensAt"'
probe coop-admin POST '/api/plans' 400 "{\"hubIds\":[$HUB_ID],\"days\":1,\"firstDay\":\"not-a-date\"}" '"firstDay"'
probe coop-admin POST '/api/plans' 400 "{\"hubIds\":[$HUB_ID],\"days\":1,\"firstDay\":\"yesterday\"}" '"firstDay"'
probe coop-admin POST '/api/hubs' 400 "${HUB}\"opensAt\":\"20:00\",\"closesAt\":\"07:00\",\"carrierCutoff\":\"17:30\"}" '"closesAt"'
probe coop-admin POST '/api/plans' 400 '{"hubIds":[999],"days":1}' '"hubIds"'
probe courier-1  POST '/api/producers' 403 "{\"name\":\"探针\",$PRODUCER}" 'application/problem+json'

echo "# 5. browser protections, push freshness, and a shop registered twice"
probe anonymous GET '/login' 200 '' 'SameSite=Lax'
probe anonymous GET '/login' 200 '' 'frame-ancestors'
curl -s -o /dev/null -D "$WORK/tls" -H 'X-Forwarded-Proto: https' "$BASE/login"
if grep -qi 'Set-Cookie:.*Secure' "$WORK/tls"; then verdict=PASS; PASS=$((PASS + 1)); else verdict=FAIL; FAIL=$((FAIL + 1)); fi
printf '%-6s %-62s %-10s %s expected %-8s %s\n' GET '/login (X-Forwarded-Proto: https): cookie Secure' anonymous \
    "$(head -1 "$WORK/tls" | awk '{print $2}')" 200 "$verdict"
# a WeChat push signed with the sandbox's token but sent at timestamp=1: refused by the freshness window
TOKEN="${JIYUN_WECHAT_TOKEN:-jiyunSandboxToken}"
ENCRYPTED="cHJvYmU="
SIGNATURE="$(printf '%s\n' "$TOKEN" 1 424242 "$ENCRYPTED" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)"
probe anonymous POST "/webhooks/wechat?timestamp=1&nonce=424242&encrypt_type=aes&msg_signature=$SIGNATURE" 4xx \
    "{\"ToUserName\":\"probe\",\"Encrypt\":\"$ENCRYPTED\"}"
# registering a shop the cooperative holds: a 409 naming its own shop (another cooperative's case needs a second
# cooperative, which the demo has not: ShopRegistrationConflictTest covers it)
probe coop-admin POST '/api/shops' 409 "{\"platform\":\"$SHOP_PLATFORM\",\"shopId\":\"$PLATFORM_SHOP_ID\",\"name\":\"探针店\",\"accessToken\":\"a\",\"refreshToken\":\"r\"}" "$SHOP_NAME"

echo "# summary: $((PASS + FAIL)) probes, $PASS PASS, $FAIL FAIL, $SERVER_ERRORS answered 5xx"
[[ "$FAIL" -eq 0 && "$SERVER_ERRORS" -eq 0 ]]
