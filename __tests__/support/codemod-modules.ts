/**
 * Test set-up: the manifest requires each codemod's module on first use, which `require` cannot do from the
 * TypeScript sources; the tests import them here and hand them over (the compiled CLI requires them).
 */
import { provideCodemodModules } from '../../src/codemods/registry';
import converseStream from '../../src/codemods/converse-stream';
import invokeToConverse from '../../src/codemods/invoke-to-converse';
import invokeToMessages from '../../src/codemods/invoke-to-messages';
import modelIds from '../../src/codemods/model-ids';
import modelIdsConfigFiles from '../../src/codemods/model-ids/config-files';
import refusalStopReason from '../../src/codemods/refusal-stop-reason';
import textEditorTool from '../../src/codemods/text-editor-tool';
import thinking from '../../src/codemods/thinking';

provideCodemodModules({
  'model-ids': modelIds,
  'model-ids/config-files': modelIdsConfigFiles,
  'text-editor-tool': textEditorTool,
  'invoke-to-converse': invokeToConverse,
  'converse-stream': converseStream,
  'invoke-to-messages': invokeToMessages,
  thinking,
  'refusal-stop-reason': refusalStopReason,
});
