"""What openpyxl, a reader independent of Apache POI, sees in a .xlsx: for each sheet the frozen
panes, column widths and every cell's value with its type (n number, s text, d date). Prints JSON."""
import json
import sys

import openpyxl

workbook = openpyxl.load_workbook(sys.argv[1])
sheets = {}
for sheet in workbook.worksheets:
    sheets[sheet.title] = {
        "freezePanes": sheet.freeze_panes,
        "columnWidths": {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()},
        "rows": [[{"value": cell.value if cell.data_type != "d" else cell.value.isoformat(), "type": cell.data_type,
                   "format": cell.number_format} for cell in row] for row in sheet.iter_rows()],
    }
print(json.dumps(sheets, default=str))
