"""The local OpenSearch node (see node.py) built from the pinned jars in pom.xml."""
