"""The workbook file: errors, model, schema, store, paths, personas, reset, progress."""
