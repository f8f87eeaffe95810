"""Teachers as the school sees them: finding one in the Teaching Record System (shared by the journeys)."""
