from odoo import api, models, tools


class IrUiMenu(models.Model):
    """A menu entry is visible only under visible menus.

    Odoo 11 shows an entry whose own groups and action the user may use even when a menu above it is closed to the
    user: the app search (web_responsive searches all visible entries by name) offered «Настройки / Технические / …»
    entries to the suite's staff. Such entries are dropped.
    """
    _inherit = "ir.ui.menu"

    @api.model
    @tools.ormcache("frozenset(self.env.user.groups_id.ids)", "debug")
    def _visible_menu_ids(self, debug=False):
        visible = set(super()._visible_menu_ids(debug))
        parents = {menu.id: menu.parent_id.id for menu in self.with_context(
            **{"ir.ui.menu.full_list": True}).browse(list(visible))}
        shown = set()
        for menu_id in visible:
            parent = parents.get(menu_id)
            chain_ok = True
            seen = set()
            while parent and chain_ok and parent not in seen:
                seen.add(parent)
                if parent not in visible:
                    chain_ok = False
                parent = parents.get(parent)
            if chain_ok:
                shown.add(menu_id)
        return shown
