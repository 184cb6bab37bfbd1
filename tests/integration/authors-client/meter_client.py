"""A meter as the PKI paper's prototype simulated it: the python-ecdsa library, NIST P-256, SHA-256 over the
UTF-8 text, DER signature in standard base64, public key exported as PEM. Written for metrochain's compatibility
test; it uses only the calls such a client makes, so a signature it produces is one the authors' meters produced.

  meter_client.py keygen <private.pem> <public.pem>
  meter_client.py sign <private.pem> <text>      -> base64 DER signature on stdout
"""
import base64
import hashlib
import sys

from ecdsa import NIST256p, SigningKey
from ecdsa.util import sigencode_der


def keygen(private_path: str, public_path: str) -> None:
    key = SigningKey.generate(curve=NIST256p)
    with open(private_path, "wb") as private_file:
        private_file.write(key.to_pem())
    with open(public_path, "wb") as public_file:
        public_file.write(key.get_verifying_key().to_pem())


def sign(private_path: str, text: str) -> None:
    with open(private_path, "rb") as private_file:
        key = SigningKey.from_pem(private_file.read())
    signature = key.sign(text.encode("utf-8"), hashfunc=hashlib.sha256, sigencode=sigencode_der)
    print(base64.b64encode(signature).decode("ascii"))


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[1] == "keygen":
        keygen(argv[2], argv[3])
        return 0
    if len(argv) == 4 and argv[1] == "sign":
        sign(argv[2], argv[3])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
