"""The load stage: content files read, validated and assembled into the typed model."""
