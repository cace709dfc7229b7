# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_store.ui'
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

class Ui_WizardStorePage(object):
    def setupUi(self, WizardStorePage):
        if not WizardStorePage.objectName():
            WizardStorePage.setObjectName(u"WizardStorePage")
        self.mainLayout = QVBoxLayout(WizardStorePage)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(WizardStorePage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(16)
        self.formLayout.setVerticalSpacing(10)
        self.nameLabel = QLabel(WizardStorePage)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(WizardStorePage)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.addressLabel = QLabel(WizardStorePage)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(WizardStorePage)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(300)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addressEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(WizardStorePage)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.messageLabel = QLabel(WizardStorePage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.addressLabel.setBuddy(self.addressEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WizardStorePage)

        QMetaObject.connectSlotsByName(WizardStorePage)
    # setupUi

    def retranslateUi(self, WizardStorePage):
        self.introLabel.setText(QCoreApplication.translate("WizardStorePage", u"Welcome to Frontdesk. A few questions and this desk is ready: the store, the first administrator, the printer and scanner, and (if you have one) the server.", None))
        self.nameLabel.setText(QCoreApplication.translate("WizardStorePage", u"Store name", None))
        self.addressLabel.setText(QCoreApplication.translate("WizardStorePage", u"Address", None))
        self.hintLabel.setText(QCoreApplication.translate("WizardStorePage", u"The name and address are printed at the top of every receipt. You can change them later in Settings.", None))
        pass
    # retranslateUi

