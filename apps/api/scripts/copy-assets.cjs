// The build emits JavaScript only; nothing else needs copying yet. Kept as the one place for it.
process.exit(0);
