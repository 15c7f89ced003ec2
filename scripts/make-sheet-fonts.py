#!/usr/bin/python3
"""
Makes the printed sheets' own fonts, renderer/print/fonts/*.woff2: Noto Serif CJK SC and Noto Sans
CJK SC (regular and bold) cut down to what a sheet prints (GB 2312 and the punctuation, digits,
Latin letters and symbols around it), renamed "Pingyi Sheet Serif" / "Pingyi Sheet Sans" as the
SIL Open Font License asks of a modified font (OFL.txt beside them).

Why (docs/performance.md, change 23): Chromium's PDF output spends 70-170 ms per PDF on every
system CJK face it touches (the full Noto collection is 19-27 MB a face), 4 faces a sheet; the
cut-down faces cost 30-50 ms. The sheets also print the same everywhere, whatever fonts the
laptop has. A character outside the set (a rare name) falls back to the system's fonts in the
stacks of print.css.

Run on Debian with fonts-noto-cjk, python3-fonttools and python3-brotli installed:
    /usr/bin/python3 scripts/make-sheet-fonts.py
The output is committed; the build only copies it.
"""
import os
from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = '/usr/share/fonts/opentype/noto'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'renderer', 'print', 'fonts')


def sheet_characters():
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    # General punctuation, arrows, enclosed numbers, box and geometric shapes, CJK punctuation, full-width forms.
    for start, end in [(0x2000, 0x2070), (0x2190, 0x2200), (0x2460, 0x2500), (0x25A0, 0x2600), (0x3000, 0x3040), (0xFF00, 0xFFF0)]:
        chars |= set(range(start, end))
    # Every character of GB 2312 (symbols, then the 6,763 hanzi).
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([b1, b2]).decode('gb2312')))
            except UnicodeDecodeError:
                pass
    return chars


def rename(font, family, style):
    postscript = f"{family.replace(' ', '')}-{style}"
    names = font['name']
    for record in list(names.names):
        if record.nameID in (1, 2, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    for name_id, text in [(1, family), (2, style), (3, f'{postscript};pingyi'), (4, f'{family} {style}'), (6, postscript)]:
        names.setName(text, name_id, 3, 1, 0x409)
        names.setName(text, name_id, 1, 0, 0)
    if 'CFF ' in font:
        cff = font['CFF '].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        for key in ('FullName', 'FamilyName'):
            if hasattr(top, key):
                setattr(top, key, f'{family} {style}' if key == 'FullName' else family)


def main():
    chars = sheet_characters()
    os.makedirs(OUT, exist_ok=True)
    for kind in ('Serif', 'Sans'):
        for style in ('Regular', 'Bold'):
            collection = TTCollection(os.path.join(SOURCE, f'Noto{kind}CJK-{style}.ttc'))
            font = next(f for f in collection.fonts if f'Noto {kind} CJK SC' in (f['name'].getDebugName(1), f['name'].getDebugName(16)))
            options = subset.Options()
            options.layout_features = ['*']
            # The copyright, the license (13) and its URL (14) stay in every file: the OFL asks that each copy carry them.
            options.name_IDs = ['*']
            options.hinting = False
            options.notdef_outline = True
            options.flavor = 'woff2'
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=chars)
            subsetter.subset(font)
            rename(font, f'Pingyi Sheet {kind}', style)
            font.flavor = 'woff2'
            target = os.path.join(OUT, f'pingyi-sheet-{kind.lower()}-{style.lower()}.woff2')
            font.save(target)
            print(f'{target}: {os.path.getsize(target):,} bytes, {len(chars):,} characters asked for')


if __name__ == '__main__':
    main()
