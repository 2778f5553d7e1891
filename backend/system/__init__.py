"""System domain: health report and the self-check job."""
