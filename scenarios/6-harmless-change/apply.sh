#!/usr/bin/env bash
# A harmless change: a card on the wire gains an optional field, "object": "card". Clients
# ignore fields they do not know. Runs in the root of a throwaway worktree.
set -euo pipefail
view=services/payments/src/main/java/dev/tollgate/payments/cards/CardView.java
sed -i -e 's/{@code {id, brand,/{@code {object, id, brand,/' \
  -e 's/^record CardView(String id,/record CardView(String object, String id,/' \
  -e 's/return new CardView(card.id(),/return new CardView("card", card.id(),/' "$view"
grep -q 'new CardView("card",' "$view"
