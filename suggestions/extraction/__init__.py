"""The rules that read suggested facts in a normalised text; no Django imports."""
