-- What a challenge was handed out to, beyond its user: the session that asked to register (its
-- id), or the sign-in whose second step it is (the SHA-256 of its mfa_token, hex); '' for a
-- sign-in that names nobody. An answer is taken only from there.
ALTER TABLE passkey_challenges ADD COLUMN bound_to TEXT NOT NULL DEFAULT '';
