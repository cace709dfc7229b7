"""Designer forms compiled by pyside6-uic from ui/*.ui; never edited by hand."""
