"""Accounts and access: passwords, JWTs with rotating refresh tokens, MFA, API keys, roles."""
