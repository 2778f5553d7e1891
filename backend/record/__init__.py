"""The encrypted patient record: profile, medications, allergies, symptoms, consents."""
