"""Arabic news language processing: pure Python, no Django.

One module per stage, in the order the text flows through them:
decode -> normalize -> clean -> dates / entities -> linking -> agenda -> timeline.
`analyse.py` runs them all; Django code only persists and presents the results.
"""
