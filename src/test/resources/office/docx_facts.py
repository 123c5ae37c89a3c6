"""What python-docx, a reader independent of Apache POI, sees in a .docx: its page set-up, its
paragraphs and every table with its style, column widths and cells. Prints JSON."""
import json
import sys

import docx
from docx.shared import Length

document = docx.Document(sys.argv[1])
section = document.sections[0]
print(json.dumps({
    "orientation": str(section.orientation),
    "pageWidthMm": round(section.page_width.mm),
    "pageHeightMm": round(section.page_height.mm),
    "textWidthMm": round(Length(section.page_width - section.left_margin - section.right_margin).mm),
    "paragraphs": [{"text": p.text, "style": p.style.name} for p in document.paragraphs],
    "tables": [{
        "style": table.style.name if table.style is not None else None,
        "columnWidthsMm": [round(column.width.mm) if column.width is not None else None for column in table.columns],
        "rows": [[cell.text for cell in row.cells] for row in table.rows],
    } for table in document.tables],
}))
