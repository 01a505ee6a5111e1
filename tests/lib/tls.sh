# Certificates for the TLS tests, made with openssl at test time (nothing secret is kept
# in the repository): a local CA and, signed by it, server certificates for
# 127.0.0.1/localhost (good), for another name (wrong-name) and one that expired in
# 2020 (expired). Source after screen.sh or cmdline.sh:
#
#   make_test_pki DIR        DIR/ca.pem, DIR/{good,wrong-name,expired}.{pem,key}
#   tls_server_start NAME DIR [server.py flags]   the fake Sentry server over HTTPS with
#                            DIR/NAME.pem; sets PORT, SENTRY_URL=https://127.0.0.1:PORT/
#                            (its handshake failures go to $TEST_DIR/server.out)
#
# openssl ca is used because only it can set a certificate's dates in the past
# (-startdate/-enddate), which makes an expired certificate without faking the clock.

make_test_pki() { # dir
	local dir=$1 name san start end
	mkdir -p "$dir/db"
	: >"$dir/db/index.txt"
	cat >"$dir/ca.cnf" <<CNF
[ca]
default_ca = test_ca
[test_ca]
dir = $dir
database = \$dir/db/index.txt
new_certs_dir = \$dir/db
serial = \$dir/db/serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = copy
[anything]
commonName = supplied
[server]
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
CNF
	echo 01 >"$dir/db/serial"
	openssl req -x509 -newkey rsa:2048 -nodes -days 3 -subj "/CN=sentry-tui test CA" \
		-addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
		-keyout "$dir/ca.key" -out "$dir/ca.pem" >>"$dir/openssl.out" 2>&1 || return 1
	for spec in "good IP:127.0.0.1,DNS:localhost 20200101000000Z 20991231000000Z" \
		"wrong-name DNS:wrong.example 20200101000000Z 20991231000000Z" \
		"expired IP:127.0.0.1,DNS:localhost 20200101000000Z 20200102000000Z"; do
		read -r name san start end <<<"$spec"
		openssl req -newkey rsa:2048 -nodes -subj "/CN=$name" -addext "subjectAltName=$san" \
			-keyout "$dir/$name.key" -out "$dir/$name.csr" >>"$dir/openssl.out" 2>&1 || return 1
		openssl ca -batch -config "$dir/ca.cnf" -extensions server -cert "$dir/ca.pem" \
			-keyfile "$dir/ca.key" -startdate "$start" -enddate "$end" \
			-in "$dir/$name.csr" -out "$dir/$name.pem" -notext >>"$dir/openssl.out" 2>&1 || return 1
	done
}

tls_server_start() { # name dir [server.py flags]
	local name=$1 dir=$2
	shift 2
	server_start --tls "$dir/$name.pem" "$dir/$name.key" "$@"
	export SENTRY_URL="https://127.0.0.1:$PORT/"
}
