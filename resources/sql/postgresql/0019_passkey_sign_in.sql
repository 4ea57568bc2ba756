-- How a user's passkeys sign in: alone ('passwordless', the default: a passkey that verifies its
-- user is two factors by itself) or only after the password, as its second factor ('second_factor').
ALTER TABLE users ADD COLUMN passkey_sign_in TEXT NOT NULL DEFAULT 'passwordless'
    CHECK (passkey_sign_in IN ('passwordless', 'second_factor'));
