"""The who-you-know map: build the graph, analyse it, lay it out, draw it, write graph files."""
