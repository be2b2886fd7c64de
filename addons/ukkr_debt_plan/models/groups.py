"""The suite's security groups by xml id: the one place the other modules name them (has_group, fields' groups=)."""

OPERATOR = "ukkr_debt_plan.group_ukkr_operator"       # УККР — оператор (абонентский отдел)
LAWYER = "ukkr_debt_plan.group_ukkr_lawyer"           # УККР — юрист (the УККР manager has it too: implied)
MANAGER = "ukkr_debt_plan.group_ukkr_manager"         # УККР — руководитель
EXECUTOR = "ukkr_debt_plan.group_admin_executor"      # Администрация — исполнитель
CONTROL = "ukkr_debt_plan.group_admin_control"        # Администрация — контроль


def groups_attr(*groups):
    """A fields' ``groups=`` value of several groups."""
    return ",".join(groups)
