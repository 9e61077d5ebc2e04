-- Single sign-on through the Ministry's OpenID Connect provider (lib/auth/oidc.ts): the provider's
-- subject an account is bound to on its first sign-in there, and, per session opened that way,
-- the provider's ID token, sent back as a hint when the user signs out so both sessions end, and
-- whether the provider vouched for a second factor (its acr/amr, OIDC_SECOND_FACTOR).
ALTER TABLE "users" ADD COLUMN "oidc_subject" TEXT;
CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users"("oidc_subject");

ALTER TABLE "user_sessions" ADD COLUMN "idp_id_token" TEXT,
ADD COLUMN "idp_second_factor" BOOLEAN NOT NULL DEFAULT false;
