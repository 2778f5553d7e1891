"""Administration: users and break-glass access (the audit log lives in backend.audit)."""
