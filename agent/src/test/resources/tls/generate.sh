#!/bin/sh
# Regenerates the test certificates of ListenerTlsTest (run from this folder; needs openssl).
# Valid for 100 years so the tests never expire; the CA keys are not kept: rerun the whole script to change anything.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
days=36500

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days $days \
  -subj "/CN=logs-agent test CA" -keyout "$tmp/ca-key.pem" -out ca.pem
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days $days \
  -subj "/CN=other test CA" -keyout "$tmp/other-ca-key.pem" -out "$tmp/other-ca.pem"

# server: RSA, for localhost and 127.0.0.1, signed by the test CA
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server-key.pem -out "$tmp/server.csr"
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$tmp/server.ext"
openssl x509 -req -in "$tmp/server.csr" -CA ca.pem -CAkey "$tmp/ca-key.pem" -CAcreateserial -days $days \
  -extfile "$tmp/server.ext" -out server.pem

# client: EC, signed by the test CA
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=test client" \
  -keyout client-key.pem -out "$tmp/client.csr"
printf 'extendedKeyUsage=clientAuth\n' > "$tmp/client.ext"
openssl x509 -req -in "$tmp/client.csr" -CA ca.pem -CAkey "$tmp/ca-key.pem" -CAcreateserial -days $days \
  -extfile "$tmp/client.ext" -out client.pem

# stranger: a client certificate signed by another CA, which the server must refuse
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=stranger" \
  -keyout stranger-key.pem -out "$tmp/stranger.csr"
openssl x509 -req -in "$tmp/stranger.csr" -CA "$tmp/other-ca.pem" -CAkey "$tmp/other-ca-key.pem" \
  -CAcreateserial -days $days -extfile "$tmp/client.ext" -out stranger.pem

# PKCS#8 ("BEGIN PRIVATE KEY") is what logs-agent reads; openssl 3 writes it by default, convert anyway to be sure
for k in server-key.pem client-key.pem stranger-key.pem; do
  openssl pkcs8 -topk8 -nocrypt -in "$k" -out "$tmp/k.pem" && mv "$tmp/k.pem" "$k"
done
rm -f ca.srl
