process.on('unhandledRejection', r => console.error('unhandled rejection:', r && r.message));
