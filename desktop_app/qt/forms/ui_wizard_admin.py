# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_admin.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_WizardAdminPage(object):
    def setupUi(self, WizardAdminPage):
        if not WizardAdminPage.objectName():
            WizardAdminPage.setObjectName(u"WizardAdminPage")
        self.mainLayout = QVBoxLayout(WizardAdminPage)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(WizardAdminPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(16)
        self.formLayout.setVerticalSpacing(10)
        self.codeLabel = QLabel(WizardAdminPage)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(WizardAdminPage)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(32)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.nameLabel = QLabel(WizardAdminPage)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(WizardAdminPage)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.pinLabel = QLabel(WizardAdminPage)
        self.pinLabel.setObjectName(u"pinLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pinEdit = QLineEdit(WizardAdminPage)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly|Qt.InputMethodHint.ImhHiddenText|Qt.InputMethodHint.ImhSensitiveData)
        self.pinEdit.setMaxLength(8)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pinEdit)

        self.pinAgainLabel = QLabel(WizardAdminPage)
        self.pinAgainLabel.setObjectName(u"pinAgainLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pinAgainLabel)

        self.pinAgainEdit = QLineEdit(WizardAdminPage)
        self.pinAgainEdit.setObjectName(u"pinAgainEdit")
        self.pinAgainEdit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly|Qt.InputMethodHint.ImhHiddenText|Qt.InputMethodHint.ImhSensitiveData)
        self.pinAgainEdit.setMaxLength(8)
        self.pinAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pinAgainEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.messageLabel = QLabel(WizardAdminPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.pinLabel.setBuddy(self.pinEdit)
        self.pinAgainLabel.setBuddy(self.pinAgainEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WizardAdminPage)

        QMetaObject.connectSlotsByName(WizardAdminPage)
    # setupUi

    def retranslateUi(self, WizardAdminPage):
        self.introLabel.setText(QCoreApplication.translate("WizardAdminPage", u"The first administrator can change every setting and add the other staff. Staff sign in with their code and a PIN of 4 to 8 digits.", None))
        self.codeLabel.setText(QCoreApplication.translate("WizardAdminPage", u"Staff code", None))
        self.nameLabel.setText(QCoreApplication.translate("WizardAdminPage", u"Name", None))
        self.pinLabel.setText(QCoreApplication.translate("WizardAdminPage", u"PIN", None))
        self.pinAgainLabel.setText(QCoreApplication.translate("WizardAdminPage", u"PIN again", None))
        pass
    # retranslateUi

