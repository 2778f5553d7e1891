"""Drug-name normalisation shared by the seed build and the backend's name resolver (pure)."""

from __future__ import annotations

import re
import unicodedata

# Counter-ions, hydrates and ester suffixes that name a salt form of the same active moiety.
SALT_WORDS = frozenset(str.split("""
hydrochloride hcl dihydrochloride hydrobromide hbr sodium disodium potassium dipotassium calcium
magnesium maleate mesylate mesilate besylate besilate tartrate bitartrate succinate citrate
sulfate sulphate bisulfate phosphate diphosphate acetate fumarate hemifumarate bromide
chloride iodide nitrate lactate gluconate hyclate monohydrate dihydrate trihydrate
hemihydrate sesquihydrate anhydrous hemisuccinate napsylate pamoate embonate tosylate
oxalate salicylate stearate trometamol tromethamine meglumine lysine arginine erbumine
"""))

# Dosage-form and strength words that patients type after a name ("metformin 500 mg tablets").
FORM_WORDS = frozenset(str.split("""
tablet tablets tab tabs capsule capsules cap caps oral solution suspension syrup injection
injectable cream ointment gel patch spray inhaler drops liquid chewable dispersible soluble
effervescent modified release extended delayed prolonged er xr sr xl cr dr la mr ec film coated
"""))

_DOSE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|ug|µg|g|ml|iu|units?|%)(?:\s*/\s*\d*\s*\w+)?\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """Lower-case, strip accents, marks and punctuation; collapse spaces."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _NON_WORD.sub(" ", text).strip()


def strip_forms(norm: str) -> str:
    """Drop strengths and dosage-form words from a normalised name."""
    text = _DOSE.sub(" ", norm)
    words = [w for w in text.split() if w not in FORM_WORDS and not w.isdigit()]
    return " ".join(words)


def strip_salts(norm: str) -> str:
    """Drop salt and hydrate words, unless nothing would remain (e.g. 'potassium chloride')."""
    words = norm.split()
    kept = [w for w in words if w not in SALT_WORDS]
    return " ".join(kept) if kept else norm


def slug(name: str) -> str:
    """File-name form of a drug name: 'st john's wort' -> 'st-john-s-wort'."""
    return normalise(name).replace(" ", "-")
