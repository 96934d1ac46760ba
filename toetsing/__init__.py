"""The omgekeerde toets and maatwerk: mandate, four eyes, budget and precedents.

Layer: toetsing, above casussen. Imports casussen, huishoudens and sociaaldomein.

Who may decide, answer or mark a maatwerk request is decided once, on the model
(`MaatwerkVerzoek.can_decide`, `waits_for`, `can_answer`, `can_mark`, `can_use_inbox`);
views, services, templates and the access matrix ask there. The toetsen of a plan's
goals and actions, the drafts on Mijn werk, the lead's counter in the header and the
navigation items arrive on other apps' pages through `toetsing.extensions`.
"""
