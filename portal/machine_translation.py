"""Machine-translation drafts for wagtail-localize's "Translate with …" button.

The provider comes from the environment (`machine_translator` in portal/settings/base.py): DeepL with an API key, or a
self-hosted LibreTranslate. Without either, `WAGTAILLOCALIZE_MACHINE_TRANSLATOR` stays unset and the
button does not appear. What a machine translated stays a machine draft until an editor checks it
(portal/translation_states.py).

Both classes extend wagtail-localize's: a provider that fails or is unreachable translates nothing
(the editor keeps working and the error is logged) instead of answering the editor with an error page.
"""

import logging

import requests
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator

logger = logging.getLogger(__name__)

# DeepL translates into British or American English only.
DEEPL_TARGETS = {"en": "EN-GB"}


class _Failsafe:
    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        try:
            return super().translate(source_locale, target_locale, strings)
        except (requests.RequestException, ValueError, KeyError, TypeError):
            logger.exception("%s did not translate %d strings", self.display_name, len(strings))
            return {}


class DeepL(_Failsafe, DeepLTranslator):
    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        parameters["target_lang"] = DEEPL_TARGETS.get(target_locale.language_code, parameters["target_lang"])
        return parameters

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code


class LibreTranslate(_Failsafe, LibreTranslator):
    pass
