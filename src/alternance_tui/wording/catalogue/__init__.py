"""The app's own words, one module per part of the app that uses them; each
holds one ``lookup.Catalogue``. A test checks every catalogue found here has
the same keys and blanks in every language."""
