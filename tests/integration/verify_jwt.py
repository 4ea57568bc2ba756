"""Verifies a Keyward access token with PyJWT against Keyward's JWKS: an independent implementation.

usage: verify_jwt.py JWKS_FILE TOKEN_FILE ALG AUDIENCE ISSUER  -> prints the claims as JSON
"""
import json
import sys

import jwt

jwks_file, token_file, alg, audience, issuer = sys.argv[1:6]
token = open(token_file).read().strip()
kid = jwt.get_unverified_header(token)["kid"]
keys = [k for k in jwt.PyJWKSet.from_dict(json.load(open(jwks_file))).keys if k.key_id == kid]
if not keys:
    sys.exit("kid %s not in the JWKS" % kid)
claims = jwt.decode(token, keys[0].key, algorithms=[alg], audience=audience, issuer=issuer)
print(json.dumps(claims))
