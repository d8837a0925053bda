#!/usr/bin/env bash
# Makes the test TLS stores: a private CA (truststore.p12) and a server certificate it signed for 127.0.0.1 and
# localhost (server.p12), valid for 100 years. Test-only keys; password "changeit". Run from this folder.
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
kt() { keytool "$@" -storepass changeit -storetype PKCS12; }
kt -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=logs-agent test CA" -ext bc:c -validity 36500 \
   -keystore "$work/ca.p12"
kt -exportcert -rfc -alias ca -keystore "$work/ca.p12" -file "$work/ca.pem"
rm -f truststore.p12 server.p12
kt -importcert -noprompt -alias ca -file "$work/ca.pem" -keystore truststore.p12
kt -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname "CN=localhost" -validity 36500 -keystore server.p12
kt -certreq -alias server -keystore server.p12 -file "$work/server.csr"
kt -gencert -rfc -alias ca -keystore "$work/ca.p12" -infile "$work/server.csr" -outfile "$work/server.pem" \
   -ext san=ip:127.0.0.1,dns:localhost -validity 36500
kt -importcert -noprompt -alias ca -file "$work/ca.pem" -keystore server.p12
kt -importcert -alias server -file "$work/server.pem" -keystore server.p12
