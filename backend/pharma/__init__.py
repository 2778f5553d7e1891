"""Pharma QA calculations: units and cleaning-validation limits (MACO), pure and framework-free."""
