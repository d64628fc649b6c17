const fs = require("fs");

function run(input) {
	switch (input.command) {
		case "view":
			return fs.readFileSync(input.path, "utf8");
		case "create":
			fs.writeFileSync(input.path, input.file_text);
			return "created";
		case "undo_edit":
			return "undo is not supported";
		case "str_replace":
		case "insert":
			return "edited";
	}
	return "unknown";
}

module.exports = {
	tools: [{ type: "text_editor_20250124", name: "str_replace_editor" }],
	run,
};
